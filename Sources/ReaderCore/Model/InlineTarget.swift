/// Where a piece of inline text leads when it is followed: a link's destination or a footnote.
public enum InlineTarget: Hashable, Sendable {
  /// A link, with its destination as written in the source (made visible, never acted on as bytes).
  case link(String)
  /// A footnote reference, with the footnote's label (`[^note]` has the label `note`).
  case footnote(String)
}
