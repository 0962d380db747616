-- Drives Neovim's own LSP client against `notelint server` (NeovimClientTests runs it headless).
-- NOTELINT_SNIPPET is the README's Neovim set-up, NOTELINT_NOTE a copy of the seed note in a workspace with the
-- shipped configuration; the results go to NOTELINT_RESULT, one `name=value` a line. Every wait has a timeout.
local result = io.open(os.getenv("NOTELINT_RESULT"), "w")
local function report(name, value)
  result:write(name .. "=" .. tostring(value) .. "\n")
  result:flush()
end
local function finish(code)
  result:close()
  vim.cmd((code == 0 and "qall!" or "cquit! " .. code))
end

local ok, err = pcall(function()
  dofile(os.getenv("NOTELINT_SNIPPET"))
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("NOTELINT_NOTE")))
  vim.bo.filetype = "markdown"
  local buf = vim.api.nvim_get_current_buf()

  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local function find(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == code then return d end
    end
  end
  report("diagnostics", vim.wait(20000, function() return find("draft-status") ~= nil and find("tag-spelling") ~= nil end, 50))
  local draft = find("draft-status")
  report("draft_status", draft and (draft.lnum .. ":" .. draft.col) or "none")

  -- The tag-spelling quick fix, asked for and applied as an editor does.
  local tag = find("tag-spelling")
  -- The line is ASCII: Neovim's byte columns are the protocol's UTF-16 characters.
  local range = { start = { line = tag.lnum, character = tag.col }, ["end"] = { line = tag.end_lnum, character = tag.end_col } }
  local lsp = { range = range, code = "tag-spelling", message = tag.message, severity = tag.severity }
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), range = range, context = { diagnostics = { lsp } } }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000) or {}
  local applied = "none"
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if applied == "none" and action.title:find("^tag%-spelling:") and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        applied = action.title
      end
    end
  end
  report("fix_title", applied)
  report("tag_line", vim.api.nvim_buf_get_lines(buf, 33, 34, false)[1])
  report("diagnostics_after_fix", vim.wait(20000, function() return find("tag-spelling") == nil end, 50))

  -- An empty front matter line where `guest` and `insight` were: completion offers the keys now missing.
  vim.api.nvim_buf_set_lines(buf, 11, 13, false, { "" })
  local completion = vim.lsp.buf_request_sync(buf, "textDocument/completion",
    { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = 11, character = 0 } }, 10000) or {}
  local labels = {}
  for _, response in pairs(completion) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(labels, item.label) end
  end
  table.sort(labels)
  report("completion", table.concat(labels, ","))
end)
if not ok then
  report("error", tostring(err):gsub("\n", " "))
  finish(3)
else
  finish(0)
end
