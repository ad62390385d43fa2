// The checks made on each editor's report. Each throws, saying what it saw,
// when it fails. `context` holds the CLI's findings and the column converter.
import {
  ACTION_LINE,
  ACTION_TITLE,
  assertNamedFindings,
  assertSameFindings,
  NAMED_FINDINGS,
  RESUME,
  severityName,
} from './expectations.mjs';

const named = NAMED_FINDINGS.map((f) => `${f.code} on line ${f.line}`).join(', ');

function fail(message) {
  throw new Error(message);
}

/** The driver's report, or a failure that says why the editor gave none. */
function reportOf(result) {
  if (result.report) return result.report;
  const { status, signal, timedOut, stderr } = result.run;
  return fail(`no report: the editor ${timedOut ? 'timed out' : `exited with ${status ?? signal}`}\n${stderr.trim()}`);
}

function lines(text, pattern) {
  return (text ?? '').split('\n').filter((line) => pattern.test(line));
}

/** The report's diagnostics as the CLI prints findings, `column` giving each one's UTF-16 column. */
function shownFindings(result, column) {
  return (reportOf(result).diagnostics ?? []).map((d) => ({
    line: d.line,
    column: column(d),
    code: d.code,
    severity: severityName(d.severity),
    message: d.message,
  }));
}

/** Opening a resume must not write beside it: no edit, swap, backup or auto-save file. */
function leavesFilesAlone(editor) {
  return {
    name: `${editor}: leaves the resume's folder as it was`,
    run(result) {
      if (result.changedFiles?.length) fail(`changed: ${result.changedFiles.join(', ')}`);
    },
  };
}

// --- Neovim ------------------------------------------------------------------

/** Neovim counts columns in bytes. */
const neovimFindings = (result, { columns }) => shownFindings(result, (d) => columns.fromBytes(d.line, d.byteColumn));

export const NEOVIM_CHECKS = [
  {
    name: 'neovim: the README snippet loads and attaches one bulletproof client to the resume',
    run(result) {
      const report = reportOf(result);
      if (report.errors.length) fail(report.errors.join('\n'));
      if (report.errmsg) fail(`v:errmsg: ${report.errmsg}\n${report.messages}`);
      if (report.filetype !== 'yaml') fail(`filetype is ${JSON.stringify(report.filetype)}, not yaml`);
      if (report.clients?.length !== 1) fail(`${report.clients?.length ?? 0} bulletproof clients attached, not 1`);
    },
  },
  {
    name: `neovim: diagnostics on ${RESUME} are the CLI's, same lines, columns, codes and messages`,
    run(result, context) {
      assertSameFindings(neovimFindings(result, context), context.expected);
    },
  },
  {
    name: `neovim: shows ${named}`,
    run(result, context) {
      assertNamedFindings(neovimFindings(result, context));
    },
  },
  {
    name: `neovim: code actions for line ${ACTION_LINE} fetched with buf_request_sync, no prompt`,
    run(result) {
      const actions = reportOf(result).codeActions;
      if (!actions) fail('no code actions were asked for');
      if (actions.error) fail(actions.error);
      if (actions.prompts.length) fail(`prompted: ${JSON.stringify(actions.prompts)}`);
      const titles = actions.actions.map((action) => `${action.title} (${action.kind})`);
      if (!actions.actions.some((action) => action.title === ACTION_TITLE && action.kind === 'quickfix')) {
        fail(`no quickfix "${ACTION_TITLE}" among: ${titles.join('; ') || 'none'}`);
      }
    },
  },
  {
    name: 'neovim: a second resume of the same project is attached to the same server',
    run(result) {
      const report = reportOf(result);
      const { second, clients, allClients } = report;
      if (second?.filetype !== 'yaml') fail(`second file's filetype is ${JSON.stringify(second?.filetype)}`);
      if (JSON.stringify(second.clients) !== JSON.stringify(clients) || allClients.length !== 1) {
        fail(
          `clients: first file ${JSON.stringify(clients)}, second ${JSON.stringify(second.clients)}, running ${JSON.stringify(allClients)}`,
        );
      }
    },
  },
  {
    name: "neovim: no warning or error in Neovim's lsp.log",
    run(result) {
      reportOf(result);
      const problems = lines(result.lspLog, /^\[(WARN|ERROR)\]/);
      if (problems.length) fail(problems.join('\n'));
    },
  },
  leavesFilesAlone('neovim'),
];

// --- Emacs -------------------------------------------------------------------

/** Emacs counts columns in characters. */
const emacsFindings = (result, { columns }) => shownFindings(result, (d) => columns.fromChars(d.line, d.charColumn));

export const EMACS_CHECKS = [
  {
    name: 'emacs: the README snippet starts an eglot session with the bulletproof server in yaml-mode',
    run(result, { root }) {
      const report = reportOf(result);
      if (report.errors) fail(report.errors.join('\n'));
      const initErrors = lines(report.warnings, /initialization/i);
      if (initErrors.length) fail(initErrors.join('\n'));
      if (report.majorMode !== 'yaml-mode') fail(`major mode is ${report.majorMode}, not yaml-mode\n${report.messages}`);
      if (report.managed !== true) fail(`eglot does not manage the resume\n${report.messages}`);
      if (report.serverName !== 'bulletproof') fail(`the server says it is ${JSON.stringify(report.serverName)}`);
      if (!report.command?.includes(`${root}/dist/server.js`)) fail(`server command: ${JSON.stringify(report.command)}`);
    },
  },
  {
    name: `emacs: Flymake shows the CLI's diagnostics on ${RESUME}, same lines, columns, codes and messages`,
    run(result, context) {
      assertSameFindings(emacsFindings(result, context), context.expected);
    },
  },
  {
    name: `emacs: shows ${named}`,
    run(result, context) {
      assertNamedFindings(emacsFindings(result, context));
    },
  },
  {
    name: 'emacs: eglot warns about nothing (no dynamic registration of workspace/didChangeConfiguration)',
    run(result) {
      const report = reportOf(result);
      const warned = [
        ...lines(report.messages, /\[eglot\] \(warning\)|unsupported capability|didChangeConfiguration/),
        ...lines(report.warnings, /eglot|didChangeConfiguration/),
      ];
      if (warned.length) fail(warned.join('\n'));
    },
  },
  leavesFilesAlone('emacs'),
];
