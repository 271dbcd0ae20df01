/// Which pane the movement keys act on.
public enum Focus: String, Hashable, Sendable {
  case outline
  case body
}
