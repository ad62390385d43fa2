-- Runs in headless Neovim after README's init.lua has been loaded and the
-- resume opened (test/editors/neovim.mjs starts it). Waits, bounded, for
-- Bulletproof's diagnostics, fetches the code actions of one line the way a
-- plugin would, opens a second resume of the same project, then writes what
-- Neovim holds to $BULLETPROOF_EDITOR_REPORT as JSON and quits. The checks are
-- made by the runner, against the command line's findings.
local env = vim.env
local uv = vim.uv or vim.loop
local timeout = tonumber(env.BULLETPROOF_EDITOR_TIMEOUT_MS)
local version = vim.version()
local report = { version = string.format('%d.%d.%d', version.major, version.minor, version.patch), errors = {} }

local function bulletproof_clients(buf)
  local ids = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == 'bulletproof' and (buf == nil or vim.lsp.buf_is_attached(buf, client.id)) then
      table.insert(ids, client.id)
    end
  end
  return ids
end

-- UTF-16 column of a byte column, as the protocol counts.
local function utf16_col(buf, lnum, byte_col)
  local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
  local _, utf16 = vim.str_utfindex(line, math.min(byte_col, #line))
  return utf16
end

local function lsp_diagnostic(buf, d)
  return {
    range = {
      start = { line = d.lnum, character = utf16_col(buf, d.lnum, d.col) },
      ['end'] = { line = d.end_lnum, character = utf16_col(buf, d.end_lnum, d.end_col) },
    },
    severity = d.severity,
    code = d.code,
    source = d.source,
    message = d.message,
  }
end

-- The code actions of one line, as `vim.lsp.buf.code_action()` asks for them,
-- but without its menu; any prompt opened meanwhile is recorded, not shown.
local function code_actions(buf, lnum)
  local on_line = vim.diagnostic.get(buf, { lnum = lnum })
  if #on_line == 0 then return { error = 'no diagnostic on line ' .. (lnum + 1) } end
  local prompts = {}
  local select, input = vim.ui.select, vim.ui.input
  vim.ui.select = function(items) table.insert(prompts, { kind = 'select', count = #items }) end
  vim.ui.input = function(opts) table.insert(prompts, { kind = 'input', prompt = opts and opts.prompt }) end
  local first = lsp_diagnostic(buf, on_line[1])
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = first.range,
    context = { diagnostics = vim.tbl_map(function(d) return lsp_diagnostic(buf, d) end, on_line) },
  }
  local started = uv.hrtime()
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, timeout)
  vim.ui.select, vim.ui.input = select, input
  local result = { prompts = prompts, milliseconds = (uv.hrtime() - started) / 1e6, actions = {} }
  if not responses then
    result.error = tostring(err or 'no response')
    return result
  end
  for _, response in pairs(responses) do
    if response.error then result.error = vim.inspect(response.error) end
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, { title = action.title, kind = action.kind or vim.NIL })
    end
  end
  return result
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  report.file = vim.api.nvim_buf_get_name(buf)
  report.filetype = vim.bo[buf].filetype
  local expected = tonumber(env.BULLETPROOF_EXPECTED_COUNT)
  report.waited = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) >= expected
  end, 100)
  report.clients = bulletproof_clients(buf)
  report.diagnostics = vim.tbl_map(function(d)
    return { line = d.lnum + 1, byteColumn = d.col, code = d.code or vim.NIL, severity = d.severity, message = d.message }
  end, vim.diagnostic.get(buf))
  report.codeActions = code_actions(buf, tonumber(env.BULLETPROOF_ACTION_LINE) - 1)

  vim.cmd('edit ' .. vim.fn.fnameescape(env.BULLETPROOF_SECOND_FILE))
  local second = vim.api.nvim_get_current_buf()
  vim.wait(timeout, function() return #bulletproof_clients(second) > 0 end, 100)
  report.second = { filetype = vim.bo[second].filetype, clients = bulletproof_clients(second) }
  report.allClients = bulletproof_clients(nil)
end

local ok, failure = xpcall(run, debug.traceback)
if not ok then table.insert(report.errors, failure) end
report.messages = vim.api.nvim_exec('messages', true)
report.errmsg = vim.v.errmsg
report.lspLog = vim.lsp.get_log_path()
vim.fn.writefile({ vim.fn.json_encode(report) }, env.BULLETPROOF_EDITOR_REPORT)
vim.cmd('qa!')
