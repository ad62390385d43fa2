;;; driver.el --- drives Emacs for test/editors/emacs.mjs  -*- lexical-binding: t -*-

;; Loaded with -l after README's init.el, the resume given on the command
;; line, in `emacs -nw' under a pseudo-terminal: the command loop runs as it
;; does for a person, and `eglot-ensure' connects from it.  Polls, bounded,
;; until eglot manages the resume and Flymake holds the server's diagnostics,
;; then writes what Emacs holds to $BULLETPROOF_EDITOR_REPORT as JSON and
;; exits.  The checks are made by the runner, against the command line's
;; findings.

;;; Code:

(require 'json)
(require 'flymake)

(defvar bulletproof-test-file (expand-file-name (getenv "BULLETPROOF_RESUME")))
(defvar bulletproof-test-expected (string-to-number (getenv "BULLETPROOF_EXPECTED_COUNT")))
(defvar bulletproof-test-deadline
  (+ (float-time) (/ (string-to-number (getenv "BULLETPROOF_EDITOR_TIMEOUT_MS")) 1000.0)))

(defun bulletproof-test--buffer-text (name)
  "The text of buffer NAME, or nil when there is none."
  (let ((buffer (get-buffer name)))
    (and buffer (with-current-buffer buffer (buffer-substring-no-properties (point-min) (point-max))))))

(defun bulletproof-test--diagnostics ()
  "Flymake's diagnostics in this buffer, with what eglot received for each."
  (vconcat
   (mapcar (lambda (diagnostic)
             (let ((beg (flymake-diagnostic-beg diagnostic))
                   (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))
               (save-excursion
                 (goto-char beg)
                 `((line . ,(line-number-at-pos beg))
                   (charColumn . ,(- beg (line-beginning-position)))
                   (code . ,(plist-get lsp :code))
                   (severity . ,(plist-get lsp :severity))
                   (message . ,(plist-get lsp :message))
                   (text . ,(flymake-diagnostic-text diagnostic))))))
           (flymake-diagnostics))))

(defun bulletproof-test--session ()
  "What eglot says about its session in this buffer."
  (let ((server (and (bound-and-true-p eglot--managed-mode) (eglot-current-server))))
    `((managed . ,(if server t :json-false))
      (serverName . ,(and server (plist-get (eglot--server-info server) :name)))
      (command . ,(and server (vconcat (process-command (jsonrpc--process server)))))
      (events . ,(and server (bulletproof-test--buffer-text (jsonrpc-events-buffer server)))))))

(defun bulletproof-test--report (buffer)
  "Everything the runner checks, BUFFER being the resume's (or nil)."
  (append
   `((version . ,emacs-version)
     (eglotLibrary . ,(locate-library "eglot")))
   (if buffer
       (with-current-buffer buffer
         `((majorMode . ,(symbol-name major-mode))
           ,@(bulletproof-test--session)
           (diagnostics . ,(bulletproof-test--diagnostics))))
     '((majorMode . nil)))
   `((messages . ,(bulletproof-test--buffer-text "*Messages*"))
     (warnings . ,(bulletproof-test--buffer-text "*Warnings*")))))

(defun bulletproof-test--finish (buffer)
  "Write the report on BUFFER and leave Emacs."
  (let ((coding-system-for-write 'utf-8)
        (report (condition-case failure
                    (bulletproof-test--report buffer)
                  (error `((errors . ,(vector (error-message-string failure))))))))
    (with-temp-file (getenv "BULLETPROOF_EDITOR_REPORT")
      (insert (json-encode report))))
  (kill-emacs 0))

(defun bulletproof-test--tick ()
  "Finish once the diagnostics are all in, or the deadline has passed."
  (let ((buffer (find-buffer-visiting bulletproof-test-file)))
    (when (or (> (float-time) bulletproof-test-deadline)
              (and buffer
                   (with-current-buffer buffer
                     (and (bound-and-true-p eglot--managed-mode)
                          (>= (length (flymake-diagnostics)) bulletproof-test-expected)))))
      (bulletproof-test--finish buffer))))

(run-with-timer 0.2 0.2 #'bulletproof-test--tick)

;;; driver.el ends here
