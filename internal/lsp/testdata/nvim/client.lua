-- Drives attrlint lsp from Neovim's built-in LSP client, headless, set up
-- by the README's own snippet ($ATTRLINT_SNIPPET, which runs `attrlint` from
-- the PATH), and writes what the editor received to $ATTRLINT_OUT as JSON:
-- the raw publishDiagnostics params, the diagnostics as Neovim placed them
-- in the buffer (0-based lines, byte columns), a hover, the diagnostics
-- after the config changes on disk, and the buffer after a quick fix.
local snippet = assert(os.getenv('ATTRLINT_SNIPPET'))
local draft = assert(os.getenv('ATTRLINT_DRAFT'))
local out = assert(os.getenv('ATTRLINT_OUT'))
local edit_line = tonumber(os.getenv('ATTRLINT_EDIT_LINE') or '-1')
local config_path = os.getenv('ATTRLINT_CONFIG')
local config_text = os.getenv('ATTRLINT_CONFIG_TEXT')

local published = {}
local draft_uri = vim.uri_from_fname(draft)
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  if result and result.uri == draft_uri then table.insert(published, result) end
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

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function attrlint_client()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, c in ipairs(get()) do
    if c.name == 'attrlint' then return c end
  end
end

local result = { errors = {} }
local function finish()
  vim.fn.writefile({ vim.json.encode(result) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('filetype on')
  dofile(snippet)
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  result.attached = vim.wait(5000, function() return attrlint_client() ~= nil end, 20)
  local client = assert(attrlint_client(), 'the README snippet started no attrlint client')

  result.opened = vim.wait(10000, function() return #published > 0 end, 20)
  result.first = published[1]
  result.first_placed = placed(bufnr)
  result.offset_encoding = client.offset_encoding

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
    result.edited_text = buffer_text(bufnr)
  end

  -- Change the config on disk, as another program would (the client sends
  -- no didChangeWatchedFiles for it), then add a hard-wrapped paragraph
  -- whose second line has a finding.
  if config_path then
    local f = assert(io.open(config_path, 'w'))
    f:write(config_text)
    f:close()
    local n = #published
    local last = vim.api.nvim_buf_line_count(bufnr)
    vim.api.nvim_buf_set_lines(bufnr, last, last, false, {
      '', 'The council met on Tuesday. Work stopped', 'in March. Officials said the tunnel would', 'open in May.',
    })
    result.reconfigured = vim.wait(10000, function() return #published > n end, 20)
    result.third = published[#published]
    result.before_fix_text = buffer_text(bufnr)

    local target
    for _, d in ipairs(result.third and result.third.diagnostics or {}) do
      if d.range.start.line == last + 2 then target = d end
    end
    if target then
      local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        range = target.range,
        context = { diagnostics = { target } },
      }, 5000)
      for _, r in pairs(responses or {}) do
        local action = r.result and r.result[1]
        if action then
          result.fix_title = action.title
          local m = #published
          vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
          result.fixed = vim.wait(10000, function() return #published > m end, 20)
          result.fourth = published[#published]
        end
      end
    end
    result.fixed_text = buffer_text(bufnr)
  end
  vim.lsp.stop_client(client.id)
  vim.wait(2000, function() return vim.lsp.client_is_stopped(client.id) end, 20)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
