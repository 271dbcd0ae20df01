/// Imports an EPUB 2 or 3 book into a `Document`, a chapter at a time.
///
/// The zip is read with libzip (`ZipArchive`, with its limits), `container.xml`, the package,
/// the table of contents and the chapters with libxml2 (`MarkupParser`). The spine is the
/// reading order; each chapter's blocks follow the previous one's with ids that continue. The
/// book's own table of contents (EPUB 3 nav, else EPUB 2 NCX) becomes the document's declared
/// outline, each entry pointing at the leaf block its target starts; a book without one gets
/// the outline of its headings. A chapter that is missing or damaged is skipped and counted in
/// the notice; one past the size limit ends the import with what was read.
public struct EPUBImporter: Sendable {
  public private(set) var title: String?
  public private(set) var author: String?
  private let archive: ZipArchive
  /// The package as read so far: a long book's first spine items only until `readRest`.
  private var package: EPUBPackage
  /// Whether the whole package and the table of contents have been read (`readRest`).
  private var hasReadRest = false
  /// Table of contents entries, in reading order of their chapters, not yet given out.
  private var waiting: [EPUBTableOfContents.Entry] = []
  /// Whether the book's table of contents is its outline: until `readRest`, whether the package
  /// names one; then, whether it lists anything in the spine.
  private var hasTableOfContents: Bool
  private var converter = XHTMLConverter()
  private var nextChapter = 0
  /// The first block id of every top-level block imported so far.
  private var topIDs: [Int] = []
  private var skipped: [String] = []
  private var stoppedBy: String?

  /// How many spine items are looked up before the first page: enough for a cover, a title page
  /// and the first chapters; more are read with the rest of the package when needed.
  static let firstSpineItems = 16

  /// Loads libzip on this thread, then libxml2 on a thread of its own while this one opens the
  /// archive: libxml2 brings ICU and a shared libstdc++ with it, and loading it took as long as
  /// libzip's reading of a long book's central directory, one after the other before the first
  /// page. libzip comes first because the two loads wait for each other (the loader's lock)
  /// and the archive needs it at once. The thread is started once a process: later books find
  /// both loaded.
  private static func startLoadingLibraries() { _ = librariesStarted }

  private static let librariesStarted: Void = {
    guard ZipArchive.libraryLoads else { return }
    BackgroundThread.start { if MarkupParser.libraryLoads { _ = MarkupParser.setUp } }
  }()

  /// Opens the book and reads the start of its package; throws when it cannot be read at all or
  /// when its chapters are encrypted. The rest of the package and the table of contents are read
  /// by `readRest`, after the first page.
  public init(bytes: [UInt8], limits: ZipArchive.Limits = .standard) throws(EPUBError) {
    try self.init(bytes: bytes, limits: limits, shortcuts: true)
  }

  /// `shortcuts` false reads even a long package's start by parsing it whole (tests compare).
  init(bytes: [UInt8], limits: ZipArchive.Limits = .standard, shortcuts: Bool) throws(EPUBError) {
    Self.startLoadingLibraries()
    let archive: ZipArchive
    do { archive = try ZipArchive(bytes: bytes, limits: limits) } catch { throw .archive(error) }
    try self.init(archive: archive, shortcuts: shortcuts)
  }

  /// Like `init(bytes:limits:)` for a book's file of `size` bytes that `read` copies from an
  /// offset into a buffer (answering how many it copied, or -1): read where libzip looks, not
  /// whole before its first page.
  public init(
    size: Int, limits: ZipArchive.Limits = .standard,
    read: @escaping @Sendable (_ offset: Int, _ buffer: UnsafeMutableRawBufferPointer) -> Int
  ) throws(EPUBError) {
    Self.startLoadingLibraries()
    let archive: ZipArchive
    do { archive = try ZipArchive(size: size, limits: limits, read: read) } catch { throw .archive(error) }
    try self.init(archive: archive)
  }

  /// Like `init(bytes:limits:)` for an archive already open.
  public init(archive: ZipArchive, shortcuts: Bool = true) throws(EPUBError) {
    self.archive = archive
    guard MarkupParser.libraryLoads else { throw .archive(.libraryMissing("libxml2.so.2")) }
    // Whether a book opens depends on which of its chapters an encryption file covers: all of them are read.
    let mayEncrypt = archive.contains("META-INF/encryption.xml")
    package = try EPUBPackage.read(
      from: archive, spineLimit: mayEncrypt ? .max : Self.firstSpineItems, shortcuts: shortcuts)
    if package.spine.isEmpty && !package.isWholeSpine { package = try EPUBPackage.read(from: archive) }
    guard !package.spine.isEmpty else { throw .nothingReadable }
    if mayEncrypt && EPUBEncryption.encryptsContent(archive, documents: Set(package.spine.map(\.path))) {
      throw .encrypted
    }
    hasTableOfContents = package.navigation != nil || package.ncx != nil
    title = package.title
    author = package.author
    converter.chinese = package.language?.hasPrefix("zh") ?? false
  }

  /// Whether every chapter was imported (or the import stopped at a limit).
  public var isFinished: Bool {
    (nextChapter >= package.spine.count && package.isWholeSpine) || stoppedBy != nil
  }

  /// The share of chapters imported, for a progress figure: 0 until the whole spine is read (the
  /// first page's package is read only as far as its first spine items).
  public var fractionImported: Double {
    package.isWholeSpine ? Double(nextChapter) / Double(max(1, package.spine.count)) : 0
  }

  /// Reads what a long book's first page was shown without, the whole package and the table of
  /// contents, and brings `document` (the first document, or what `appendNextChapter` made of
  /// it) up to them: the spine its links are told by, the entries of the chapters already in it
  /// and, when the table of contents lists nothing in the spine after all, the outline of its
  /// headings instead of the declared one it began with. Reading it again does nothing.
  public mutating func readRest(into document: inout Document) {
    guard !hasReadRest else { return }
    hasReadRest = true
    if !package.isWholeSpine {
      // The same bytes were parsed a moment ago; should that fail now, the spine read is all there is.
      let whole = (try? EPUBPackage.read(from: archive)) ?? package
      if package.isShortcut && !package.agrees(with: whole) {
        // The shortcut misread a package that is not well-formed: the book starts again on the whole.
        startAgain(with: whole, document: &document)
      }
      package = whole
      package.isWholeSpine = true
    }
    var toc = EPUBTableOfContents(entries: [])
    if let navigation = package.navigation, let bytes = try? archive.read(navigation.path) {
      toc = EPUBTableOfContents.navigation(bytes, path: navigation.path)
    }
    if toc.entries.isEmpty, let ncx = package.ncx, let bytes = try? archive.read(ncx.path) {
      toc = EPUBTableOfContents.ncx(bytes, path: ncx.path)
    }
    let order = Dictionary(
      package.spine.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    let entries = toc.entries.filter { order[$0.path] != nil }
    // Stable: entries of one chapter keep the book's order; chapters follow the spine.
    waiting = entries.enumerated().sorted { (order[$0.1.path]!, $0.0) < (order[$1.1.path]!, $1.0) }.map(\.1)
    hasTableOfContents = !waiting.isEmpty
    document.bookPlaces?.spine = spinePaths
    document.bookPlaces?.spineIsWhole = true
    if document.declaresOutline && !hasTableOfContents { document = document.withHeadingsOutline() }
    document.append([], entries: placedEntries())
  }

  /// Whether the import started again from the first chapter after the first page (see
  /// `readRest`): the document then replaces the one shown rather than growing it.
  public private(set) var startedAgain = false

  /// Forgets the chapters imported from `package` and empties `document`, to import `whole` from
  /// its first chapter.
  private mutating func startAgain(with whole: EPUBPackage, document: inout Document) {
    startedAgain = true
    package = whole
    title = whole.title
    author = whole.author
    hasTableOfContents = whole.navigation != nil || whole.ncx != nil
    converter = XHTMLConverter()
    converter.chinese = whole.language?.hasPrefix("zh") ?? false
    nextChapter = 0
    topIDs = []
    skipped = []
    stoppedBy = nil
    document = emptyDocument(fallbackTitle: document.title)
  }

  /// The entry names of the spine's documents known so far, for `BookPlaces`.
  private var spinePaths: Set<String> { Set(package.spine.filter(\.isDocument).map(\.path)) }

  /// Appends the next chapter to `document` (the first document, or what this made of it), with
  /// the table of contents entries that now have a place; false when all are imported. Skipped
  /// chapters add nothing. Past the first spine items, the rest of the package is read first.
  public mutating func appendNextChapter(to document: inout Document) -> Bool {
    if nextChapter >= package.spine.count && !package.isWholeSpine { readRest(into: &document) }
    guard !isFinished else { return false }
    let item = package.spine[nextChapter]
    nextChapter += 1
    var blocks: [Block] = []
    if !item.isDocument {
      skipped.append(item.path)
    } else {
      do {
        let bytes = try archive.read(item.path)
        if let root = MarkupParser.parseHTML(bytes) {
          blocks = converter.blocks(ofChapter: root, path: item.path)
        }
      } catch .tooLarge(let name) {
        stoppedBy = name
      } catch {
        skipped.append(item.path)
      }
    }
    topIDs += blocks.map(\.id)
    // A book read whole at the start has its table of contents already; else it waits for `readRest`.
    let entries = hasReadRest ? placedEntries() : []
    document.append(blocks, entries: entries, chapter: (item.path, converter.takeNewAnchors()))
    return true
  }

  /// What went wrong on the way, for the status line: skipped chapters and a stop at a limit.
  public var notice: Message? {
    skipped.isEmpty && stoppedBy == nil
      ? nil : .bookDamage(unreadableChapters: skipped.count, stoppedAt: stoppedBy)
  }

  /// The first chapters, until they hold at least `minimumBlocks` top-level blocks (and at
  /// least one), as a document whose outline will grow: a large book is painted from it before
  /// the rest is imported. A book that ends there is read whole, table of contents and all.
  public mutating func firstDocument(fallbackTitle: String, minimumBlocks: Int = 1) -> Document {
    var document = emptyDocument(fallbackTitle: fallbackTitle)
    while document.blocks.count < max(1, minimumBlocks), appendNextChapter(to: &document) {}
    if isFinished { readRest(into: &document) }
    document.notice = notice
    return document
  }

  /// The whole book; throws when not one chapter could be read.
  public mutating func document(fallbackTitle: String) throws(EPUBError) -> Document {
    var document = emptyDocument(fallbackTitle: fallbackTitle)
    readRest(into: &document)
    while appendNextChapter(to: &document) {}
    if document.isEmpty && !skipped.isEmpty { throw .nothingReadable }
    document.notice = notice
    return document
  }

  /// The book before its first chapter, with the outline it is expected to declare.
  private func emptyDocument(fallbackTitle: String) -> Document {
    var document = Document(
      title: title ?? fallbackTitle, author: author, blocks: [],
      outline: hasTableOfContents ? Outline(entries: []) : nil)
    document.bookPlaces = BookPlaces(spine: spinePaths)
    document.bookPlaces?.spineIsWhole = package.isWholeSpine
    return document
  }

  /// Whether the import found nothing to show: every chapter was skipped.
  public var foundNothing: Bool { topIDs.isEmpty && !skipped.isEmpty && isFinished }

  /// The waiting entries whose target now has a block, in order, as outline entries.
  private mutating func placedEntries() -> [OutlineEntry] {
    var placed: [OutlineEntry] = []
    while let entry = waiting.first {
      let anchors = converter.anchors
      let target = entry.fragment.flatMap { anchors[entry.path + "#" + $0] } ?? anchors[entry.path]
      guard let leaf = target else {
        // Not imported yet, or a chapter with nothing in it: its place is the next block to come.
        if !isFinished { break }
        waiting.removeFirst()
        continue
      }
      waiting.removeFirst()
      placed.append(
        OutlineEntry(
          level: entry.level, title: VisibleText.singleLine(entry.title), blockID: leaf,
          topIndex: topIndex(of: leaf),
          isPseudo: false))
    }
    // A target earlier than the previous one's would break the outline's order; keep it sorted.
    return placed.enumerated().sorted {
      ($0.1.topIndex, $0.1.blockID, $0.0) < ($1.1.topIndex, $1.1.blockID, $1.0)
    }
    .map(\.1)
  }

  /// The index of the top-level block that holds block `id` (ids grow in reading order).
  private func topIndex(of id: Int) -> Int {
    topIDs.lastIndex(inPrefixWhere: { $0 <= id }) ?? 0
  }
}
