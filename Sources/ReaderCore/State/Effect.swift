/// Something the reducer asks the run loop to do, because the core does no input or output:
/// open a file, or hand text to the terminal's clipboard.
public enum Effect: Hashable, Sendable {
  /// Read the document at `path` and answer with `Action.opened` (or `Action.openFailed`); then go
  /// to the heading `fragment` names, if any.
  case openDocument(path: String, fragment: String?)
  /// Put `text` on the clipboard through the terminal (OSC 52); it holds no control character.
  case copyToClipboard(String)
}
