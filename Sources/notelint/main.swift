import NotelintLoader
let note = NoteLoader().load(path: CommandLine.arguments[1])
print(note.outcome, note.problems)
func show(_ n: YAMLNode, _ indent: String) {
  switch n.content {
  case .scalar(let s): print(indent, s.text, s.resolved, s.yaml11Type as Any, n.range)
  case .mapping(let ps, _): for p in ps { print(indent, "key", p.name ?? "?", p.key.range); show(p.value, indent + "  ") }
  case .sequence(let items, _): for i in items { show(i, indent + "- ") }
  case .alias(let name, _): print(indent, "*", name)
  }
}
if let r = note.root { show(r, "") }
