import FoundationEssentials
import Glibc
import ReaderCore

/// The shelf on the terminal: the documents read before (from the position store), or the
/// readable documents of a folder with the folders in it and its parent, until the reader
/// chooses a document or a folder, or quits.
struct ShelfSession {
  /// File names the folder listing offers (EPUB, Markdown, plain text).
  static let readableExtensions: Set<String> = ["epub", "md", "markdown", "txt", "text"]

  let store: PositionStore?
  /// The folder listed, or nil for the documents read before.
  let folder: String?
  /// The language of the shelf's heading, status line and notes.
  var language: InterfaceLanguage = .english

  /// The entries to list, read now (files may have gone since the last look).
  func entries() -> [ShelfEntry] {
    guard let folder else {
      return (store?.remembered() ?? []).map { remembered in
        entry(path: remembered.path, remembered: remembered, isMissing: !Self.isRegularFile(remembered.path))
      }
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    let documents = Self.documentPaths(among: names, in: base).map { path in
      entry(path: path, remembered: store?.remembered(path: path), isMissing: false)
    }
    // A library kept as one folder per author or series is gone through as a file manager does.
    let folders = FileNameOrder.sorted(names.filter { !$0.hasPrefix(".") && Self.isFolder(base + $0) })
    let here = Self.resolved(folder)
    let parent =
      here == "/"
      ? [] : [ShelfEntry(title: ShelfState.parentTitle, path: PathText.folder(of: here), isFolder: true)]
    return parent
      + folders.map { ShelfEntry(title: $0 + "/", path: Self.resolved(base + $0), isFolder: true) }
      + documents
  }

  /// For a folder, its readable documents in name order (a novel's chapter files in reading
  /// order), as `:n` and `:p` go through them once one is chosen; nil for the shelf, whose order
  /// is the order of reading.
  func documentSequence() -> [String]? {
    guard let folder else { return nil }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return Self.documentPaths(among: names, in: folder.hasSuffix("/") ? folder : folder + "/")
  }

  /// The readable documents among a folder's `names` (`base` ends with `/`), as resolved paths
  /// in name order.
  private static func documentPaths(among names: [String], in base: String) -> [String] {
    let readable = names.filter { name in
      !name.hasPrefix(".") && readableExtensions.contains(PathText.fileExtension(of: name).lowercased())
        && isRegularFile(base + name)
    }
    return FileNameOrder.sorted(readable).map { resolved(base + $0) }
  }

  /// The heading over the list.
  var heading: String {
    (folder.map { InterfaceText.folderHeading(Self.resolved($0)) } ?? .shelfHeading).text(in: language)
  }

  /// What the reader chose in the list.
  enum Choice {
    /// A document or a folder, to open or to list.
    case entry(ShelfEntry)
    /// The shelf, asked for with `B` in a folder's list.
    case shelf
  }

  /// Runs until Enter chooses a document or a folder, `B` the shelf, or the reader quits (nil).
  func run(on terminal: Terminal, note: Message?) -> Choice? {
    var state = ShelfState(
      heading: heading, entries: entries(), size: terminal.size, forgettingRemoves: folder == nil,
      language: language)
    state.statusMessage = note
    let titles = BookTitleReader(paths: untitledBooks(in: state.entries))
    defer { titles.stop() }
    var shown = Frame(size: TerminalSize(width: 0, height: 0))
    while true {
      let frame = ShelfRenderer.render(state)
      if frame != shown {
        terminal.draw(frame, previous: shown, repaintAll: shown.width == 0)
        shown = frame
      }
      switch terminal.nextEvent() {
      case .key(.control("c")): raise(SIGINT)
      case .key(.control("z")): raise(SIGTSTP)
      case .key(let key):
        state = state.pressing(key)
        if let forgotten = state.forgotten { store?.forget(path: forgotten.path) }
        if let chosen = state.chosen { return .entry(chosen) }
        if state.asksForShelf { return .shelf }
        if !state.isRunning { return nil }
      case .resize:
        state = state.resized(to: terminal.size)
      case .resumed, .ambiguousWidth:
        state = state.resized(to: terminal.size)
        shown = Frame(size: TerminalSize(width: 0, height: 0))
      case .tick:
        let found = titles.take()
        if !found.isEmpty { state = state.retitled(found) }
      case .mouse:
        break
      }
    }
  }

  /// The books of a folder's list that are shown by their file name: the positions' store has
  /// no title for them (`entry(path:remembered:isMissing:)` names them so).
  private func untitledBooks(in entries: [ShelfEntry]) -> [String] {
    guard folder != nil else { return [] }
    return entries.filter { entry in
      !entry.isFolder && PathText.fileExtension(of: entry.path).lowercased() == "epub"
        && entry.title == VisibleText.singleLine(Self.fileName(of: entry.path))
    }.map(\.path)
  }

  /// The shelf as plain text, one document a line, for a pipe (`reader --shelf | cat`).
  func text() -> String {
    var state = ShelfState(
      heading: heading, entries: entries(), size: TerminalSize(width: 80, height: 3), forgettingRemoves: false
    )
    state = state.retitled(BookTitleReader.titles(ofBooksAt: untitledBooks(in: state.entries)))
    return state.entries.filter { !$0.isFolder }.map { entry in
      let progress = entry.isMissing ? "missing" : entry.progress.map { "\($0)%" } ?? "-"
      return [
        entry.title, progress, entry.lastReadLabel.isEmpty ? "-" : entry.lastReadLabel,
        VisibleText.singleLine(entry.path),
      ]
      .joined(separator: "\t")
    }.map { $0 + "\n" }.joined()
  }

  private func entry(path: String, remembered: PositionStore.Remembered?, isMissing: Bool) -> ShelfEntry {
    let name = Self.fileName(of: path)
    let label =
      remembered?.lastRead.map(Self.localMinute) ?? ""
    return ShelfEntry(
      title: remembered?.title ?? name, path: path, progress: remembered?.progress,
      lastRead: remembered?.lastRead,
      lastReadLabel: label, isMissing: isMissing)
  }

  private static func fileName(of path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }

  /// `seconds` since 1970 as local time, "2026-12-03 07:58".
  private static func localMinute(_ seconds: Double) -> String {
    var time = time_t(seconds.rounded(.down))
    var parts = tm()
    guard localtime_r(&time, &parts) != nil else { return "" }
    var text = [CChar](repeating: 0, count: 32)
    let count = strftime(&text, text.count, "%Y-%m-%d %H:%M", &parts)
    return String(decoding: text[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }

  private static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }
}
