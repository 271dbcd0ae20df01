/// Where a piece of inline text leads when it is followed: a link's destination or a footnote.
///
/// Indirect, so that an optional target takes one word in every `InlineRun` (a run is 32 bytes
/// rather than 48; a 100 MB document holds millions of runs, and few of them lead anywhere).
public indirect enum InlineTarget: Hashable, Sendable {
  /// A link, with its destination as written in the source (made visible, never acted on as bytes).
  case link(String)
  /// A footnote reference, with the footnote's label (`[^note]` has the label `note`).
  case footnote(String)
}
