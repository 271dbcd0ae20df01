/// Everything that can change the reader's state: commands from keys, and the terminal's size.
public enum Action: Sendable {
  case key(Key)
  case command(Command)
  case resize(TerminalSize)
  /// The terminal measures the ambiguous characters (“ ” … ° ①) otherwise than the screen was laid
  /// out for: the body is laid out again, the same text kept at the top. `DisplayWidth.ambiguous`
  /// is set to the new width before this is reduced, so that everything measured from then on agrees.
  case ambiguousWidthChanged(AmbiguousWidth)
  case selectEntry(Int)
  case mouse(MouseEvent)
  /// The search index may have become ready: run the pending query if it is small enough.
  case refreshSearch
  /// A tick while End/G waits for a long paragraph's background measure, or while the body is
  /// held at its old width (`ReaderState.holdsWidth`): the body goes to the end, or to the new
  /// width, if the measure has got there now.
  case measured
  /// Every match of a pattern, found in the background in the built index.
  case searchFinished(SearchResults)
  /// The background scan for the first match of `pattern` after the top of the body finished
  /// (nil: no match), before the search index was ready.
  case firstMatchFound(pattern: SearchPattern, FirstMatchScan.Found?)
  /// The background scan for the match `step` asked for (`n` or `N` before the index was ready)
  /// finished: the match, or nil for none.
  case matchStepFound(pattern: SearchPattern, step: FirstMatchScan.Step, FirstMatchScan.Found?)
  /// Go back to a remembered place (block and text) once the document has it.
  case restore(ReadingPosition)
  /// More of the document was parsed in the background: the new whole, and how far along
  /// loading is (nil once it is complete).
  case documentGrew(Document, loading: Double?)
  /// The background parse found that the part shown first reads differently once the whole
  /// is known (a plain text whose chapters only the whole confirms): the new whole, shown at
  /// the same place, and how far along loading is.
  case documentReplaced(Document, loading: Double?)
  /// A note for the status line from outside the viewer (why the next document did not open).
  case note(Message)
  /// The file changed on disk and was read again: the same place, as far as it still exists, and
  /// how far along loading the rest is (nil once it is complete); `prepared`, when the document
  /// was laid out off screen first (`ReloadPreparation`), gives its caches.
  case reloaded(Document, loading: Double?, prepared: ReloadPreparation? = nil)
  /// The run loop read the file a followed link names (`Effect.openDocument`): show it at the
  /// heading `fragment` names, remembering the place for the back key.
  case opened(Document, location: String, fragment: String?)
  /// The linked file could not be read: a one-line reason.
  case openFailed(Message)
  /// `r` was pressed but the document cannot be read again, for this reason.
  case reloadFailed(ReloadFailure)
}
