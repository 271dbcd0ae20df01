/// Everything the screen shows, as a value: the reducer changes it and the renderer draws it.
public struct ReaderState: Sendable {
  public let document: Document
  public internal(set) var size: TerminalSize
  public internal(set) var focus: Focus
  /// The selected outline entry.
  public internal(set) var selection: Int
  /// The first outline entry shown in the outline pane.
  public internal(set) var outlineTop: Int
  /// The reading position: the text at the top of the body.
  public internal(set) var anchor: Anchor
  /// The text the reader was at before a run of resizes, so that shrinking and growing back
  /// returns to exactly the same line instead of drifting to the start of a wrapped line.
  var resizeKey: LineKey?
  public internal(set) var isRunning: Bool
  /// A one-line note for the status line, cleared by the next key.
  public internal(set) var message: String?
  let layouts: LayoutCache

  public init(document: Document, size: TerminalSize) {
    self.document = document
    self.size = size
    focus = document.outline.isEmpty ? .body : .outline
    selection = 0
    outlineTop = 0
    anchor = .top
    resizeKey = nil
    isRunning = true
    message = nil
    layouts = LayoutCache(document: document)
  }

  public var geometry: PaneGeometry { PaneGeometry(size: size) }

  /// The body's layout at the body's current width.
  public var bodyLayout: DocumentLayout { layouts.layout(width: max(1, geometry.body.width)) }

  /// The outline entry whose section is at the top of the body, or nil in the preface.
  public var currentEntry: Int? { bodyLayout.entryIndex(at: anchor) }
}
