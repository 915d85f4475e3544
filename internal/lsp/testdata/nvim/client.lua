-- Drives attrlint lsp from Neovim's built-in LSP client, headless, and
-- writes what the editor received to $ATTRLINT_OUT as JSON: the raw
-- publishDiagnostics params, the diagnostics as Neovim placed them in the
-- buffer (0-based lines, byte columns), and a hover.
local bin = assert(os.getenv('ATTRLINT_BIN'))
local draft = assert(os.getenv('ATTRLINT_DRAFT'))
local out = assert(os.getenv('ATTRLINT_OUT'))
local edit_line = tonumber(os.getenv('ATTRLINT_EDIT_LINE') or '-1')

local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  table.insert(published, result)
end

local function placed(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return list
end

local result = { errors = {} }
local function finish()
  vim.fn.writefile({ vim.json.encode(result) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'attrlint',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  result.opened = vim.wait(10000, function() return #published > 0 end, 20)
  result.first = published[1]
  result.first_placed = placed(bufnr)
  result.offset_encoding = vim.lsp.get_client_by_id(client_id).offset_encoding

  local first = published[1] and published[1].diagnostics[1]
  if first then
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = first.range.start,
    }, 5000)
    for _, r in pairs(responses or {}) do
      if r.result then result.hover = r.result.contents.value end
    end
  end

  -- Type an emoji at the start of a line: an incremental change.
  if edit_line >= 0 then
    local n = #published
    vim.api.nvim_buf_set_text(bufnr, edit_line, 0, edit_line, 0, { '🙂 ' })
    result.edited = vim.wait(10000, function() return #published > n end, 20)
    result.second = published[#published]
    result.second_placed = placed(bufnr)
    result.edited_text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
  end
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
