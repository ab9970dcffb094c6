-- Drives Neovim's built-in LSP client (0.7+) against `enclint-lsp --stdio`, headless: opens the file
-- given on the command line, waits for diagnostics, asks for code actions and hover on the first one,
-- and prints everything as one JSON line. The test parses that line.
local server = os.getenv('ENCLINT_LSP')
local file = vim.fn.argv()[1]
vim.cmd('edit ' .. file)
local id = vim.lsp.start_client({
  name = 'enclint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = { ok = ok, diagnostics = {}, actions = {}, hover = '' }
local diagnostics = vim.diagnostic.get(0)
for _, d in ipairs(diagnostics) do
  table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, source = d.source, severity = d.severity,
    code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL })
end
if ok then
  local first = diagnostics[1]
  -- What :lua vim.lsp.buf.code_action() sends in 0.7: the line's diagnostics converted back to LSP.
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, first.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 5000) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do table.insert(out.actions, action.title) end
  end
  local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover',
    { textDocument = vim.lsp.util.make_text_document_params(), position = { line = first.lnum, character = first.col + 1 } }, 5000) or {}
  for _, response in pairs(hover) do
    if response.result and response.result.contents then out.hover = response.result.contents.value or '' end
  end
end
io.stdout:write(vim.fn.json_encode(out) .. '\n')
vim.lsp.stop_client(id)
vim.cmd('qa!')
