/// The shelf as a value: the documents listed, the one selected, and what the reader asked for.
///
/// Like `ReaderState`, it only describes: opening a document and forgetting one are done by the
/// session, which reads `chosen` and `forgotten` after each key.
public struct ShelfState: Sendable {
  /// The title over the list (`書架 shelf`, or the folder listed).
  public let heading: String
  /// The entries listed: those of `allEntries` the filter leaves, all of them without one
  /// (`relist`).
  public private(set) var entries: [ShelfEntry]
  /// Every entry, in the list's order, whatever the filter leaves: what a key changes.
  private var allEntries: [ShelfEntry]
  /// What is typed after `/`: the list keeps the entries whose title or path holds it, in
  /// search's form (either script, any case: 三国 finds 三國演義); nil when no filter is typed.
  public private(set) var filterQuery: String?
  /// The title and path of each of `allEntries` in search's form, made when the filter opens.
  private var filterKeys: [String] = []
  private var normalizer: SearchNormalizer?
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
    allEntries = self.entries
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
    if filterQuery != nil {
      next.typeFilter(key)
      return next
    }
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
    case .startSearch: next.startFilter()
    case .chooseDocument:
      guard entries.indices.contains(selection) else { return next }
      next.choose(entries[selection])
    case .forgetDocument:
      // A folder has no place to forget.
      guard entries.indices.contains(selection), !entries[selection].isFolder else { return next }
      next.forgotten = entries[selection]
      if let index = allEntries.firstIndex(where: { $0.path == entries[selection].path }) {
        if forgettingRemoves {
          next.allEntries.remove(at: index)
          if !next.filterKeys.isEmpty { next.filterKeys.remove(at: index) }
        } else {
          next.allEntries[index].progress = nil
          next.allEntries[index].lastRead = nil
          next.allEntries[index].lastReadLabel = ""
        }
      }
      next.relist()
      next.select(selection)
      next.statusMessage = .forgot(title: entries[selection].title)
    default: break
    }
    return next
  }

  /// The same list with the titles `titles` gives, by path, in place of what its entries showed
  /// (a book's title read after the list first showed its file name).
  public func retitled(_ titles: [String: String]) -> ShelfState {
    var next = self
    for index in next.allEntries.indices {
      if let title = titles[next.allEntries[index].path] {
        next.allEntries[index].title = VisibleText.singleLine(title)
        if !next.filterKeys.isEmpty { next.filterKeys[index] = next.filterKey(of: next.allEntries[index]) }
      }
    }
    next.relist()
    next.select(next.selection)
    return next
  }

  /// `/`: the filter prompt on the status line, the list narrowing as it is typed.
  private mutating func startFilter() {
    if normalizer == nil { normalizer = try? SearchNormalizer() }
    filterKeys = allEntries.map { filterKey(of: $0) }
    filterQuery = ""
  }

  /// A key while the filter is typed: a character narrows the list, Backspace widens it, Up and
  /// Down choose among what it lists, Enter opens the one chosen and Esc (or Backspace on
  /// nothing) shows every entry again, the one chosen still chosen: the outline filter's keys.
  private mutating func typeFilter(_ key: Key) {
    guard var query = filterQuery else { return }
    let command = Keymap.command(for: key, in: .outlineFilter)
    switch command {
    case .submitFilter:
      if entries.indices.contains(selection) { choose(entries[selection]) }
      return
    case .lineUp, .lineDown:
      select(selection + (command == .lineUp ? -1 : 1))
      return
    case .cancelFilter:
      clearFilter()
      return
    case .deleteFilterCharacter:
      guard !query.isEmpty else {
        clearFilter()
        return
      }
      query.removeLast()
    default:
      guard case .character(let character) = key else { return }
      query.append(character)
    }
    filterQuery = query
    relist()
    top = 0
    select(0)
  }

  /// `entries` made again from `allEntries` and the filter.
  private mutating func relist() {
    let wanted = filterQuery.map { filterForm($0) } ?? ""
    entries =
      wanted.isEmpty ? allEntries : zip(allEntries, filterKeys).filter { $0.1.contains(wanted) }.map(\.0)
  }

  private mutating func clearFilter() {
    let chosen = entries.indices.contains(selection) ? entries[selection].path : nil
    filterQuery = nil
    filterKeys = []
    relist()
    select(chosen.flatMap { path in entries.firstIndex { $0.path == path } } ?? selection)
  }

  private func filterKey(of entry: ShelfEntry) -> String {
    filterForm(entry.title + " " + entry.path)
  }

  private func filterForm(_ text: String) -> String {
    normalizer?.normalize(query: text) ?? text.lowercased()
  }

  private mutating func choose(_ entry: ShelfEntry) {
    if entry.isMissing {
      statusMessage = .missingFile
    } else {
      chosen = entry
    }
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
