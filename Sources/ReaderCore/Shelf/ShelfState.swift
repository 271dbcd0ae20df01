/// The shelf as a value: the documents listed, the one selected, and what the reader asked for.
///
/// Like `ReaderState`, it only describes: opening a document and forgetting one are done by the
/// session, which reads `chosen` and `forgotten` after each key.
public struct ShelfState: Sendable {
  /// The title over the list (`書架 shelf`, or the folder listed).
  public let heading: String
  public internal(set) var entries: [ShelfEntry]
  public internal(set) var selection: Int
  public internal(set) var top: Int
  public internal(set) var size: TerminalSize
  /// Whether `d` removes the entry from the list (the shelf) or only its progress (a folder).
  public let forgettingRemoves: Bool
  public internal(set) var isRunning: Bool
  /// The entry Enter chose, for the session to open.
  public internal(set) var chosen: ShelfEntry?
  /// The entry `d` forgot, for the session to remove from the position store.
  public internal(set) var forgotten: ShelfEntry?
  /// Whether `B` asked for the shelf, from a folder's list, for the session to show it instead.
  public internal(set) var asksForShelf: Bool
  /// A one-line note for the status line (`cannot open ...`), cleared by the next key.
  public var statusMessage: Message?
  /// The note as the status line says it, in the shelf's language.
  public var message: String? { statusMessage?.text(in: language) }
  /// The language of the heading's count, the status line and the notes.
  public let language: InterfaceLanguage

  /// Folders come first, in the order given; then entries read before, most recent first; the
  /// others follow in the order given (a folder's by file name, its numbers by value:
  /// `FileNameOrder`).
  public init(
    heading: String, entries: [ShelfEntry], size: TerminalSize, forgettingRemoves: Bool,
    language: InterfaceLanguage = .english
  ) {
    self.language = language
    self.heading = VisibleText.singleLine(heading)
    self.entries = entries.enumerated().sorted { left, right in
      if left.element.isFolder != right.element.isFolder { return left.element.isFolder }
      if left.element.isFolder { return left.offset < right.offset }
      switch (left.element.lastRead, right.element.lastRead) {
      case (let a?, let b?): return a != b ? a > b : left.offset < right.offset
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return left.offset < right.offset
      }
    }.map(\.element)
    // The first document or folder in it, not the way up: Enter at once reads what the folder holds.
    let leadingParent = self.entries.first.map { $0.isFolder && $0.title == Self.parentTitle } ?? false
    selection = leadingParent && self.entries.count > 1 ? 1 : 0
    top = 0
    self.size = size
    self.forgettingRemoves = forgettingRemoves
    isRunning = true
    chosen = nil
    forgotten = nil
    asksForShelf = false
    statusMessage = nil
  }

  /// Whether it lists a folder (whose entries `d` only clears) rather than the shelf.
  public var listsFolder: Bool { !forgettingRemoves }

  /// The title of a folder list's entry for its parent.
  public static let parentTitle = "../"

  /// How many documents are listed (the folders are not counted).
  public var documentCount: Int { entries.lazy.filter { !$0.isFolder }.count }

  /// The rows the list has on screen: all but the heading and the status line.
  public var listHeight: Int { max(1, size.height - 3) }

  /// The next state after `key`: the keymap's shelf bindings, else the reader's movements.
  public func pressing(_ key: Key) -> ShelfState {
    var next = self
    next.statusMessage = nil
    next.chosen = nil
    next.forgotten = nil
    next.asksForShelf = false
    guard let command = Keymap.command(for: key, in: .shelf) ?? Keymap.command(for: key) else { return next }
    let page = listHeight
    switch command {
    case .lineUp: next.select(selection - 1)
    case .lineDown: next.select(selection + 1)
    case .pageUp: next.select(selection - page)
    case .pageDown: next.select(selection + page)
    case .top: next.select(0)
    case .bottom: next.select(entries.count - 1)
    case .quit: next.isRunning = false
    case .openShelf: next.asksForShelf = listsFolder
    case .chooseDocument:
      guard entries.indices.contains(selection) else { return next }
      if entries[selection].isMissing {
        next.statusMessage = .missingFile
      } else {
        next.chosen = entries[selection]
      }
    case .forgetDocument:
      // A folder has no place to forget.
      guard entries.indices.contains(selection), !entries[selection].isFolder else { return next }
      next.forgotten = entries[selection]
      if forgettingRemoves {
        next.entries.remove(at: selection)
        next.select(min(selection, next.entries.count - 1))
      } else {
        next.entries[selection].progress = nil
        next.entries[selection].lastRead = nil
        next.entries[selection].lastReadLabel = ""
      }
      next.statusMessage = .forgot(title: entries[selection].title)
    default: break
    }
    return next
  }

  /// The same list with the titles `titles` gives, by path, in place of what its entries showed
  /// (a book's title read after the list first showed its file name).
  public func retitled(_ titles: [String: String]) -> ShelfState {
    var next = self
    for index in next.entries.indices {
      if let title = titles[next.entries[index].path] {
        next.entries[index].title = VisibleText.singleLine(title)
      }
    }
    return next
  }

  /// The same shelf at another terminal size.
  public func resized(to size: TerminalSize) -> ShelfState {
    var next = self
    next.size = size
    next.select(selection)
    return next
  }

  private mutating func select(_ index: Int) {
    selection = max(0, min(index, entries.count - 1))
    if selection < top { top = selection }
    if selection >= top + listHeight { top = selection - listHeight + 1 }
    top = max(0, min(top, max(0, entries.count - listHeight)))
  }
}
