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
  public let title: String?
  public let author: String?
  private let archive: ZipArchive
  private let package: EPUBPackage
  /// Table of contents entries, in reading order of their chapters, not yet given out.
  private var waiting: [EPUBTableOfContents.Entry]
  private let hasTableOfContents: Bool
  private var converter = XHTMLConverter()
  private var nextChapter = 0
  /// The first block id of every top-level block imported so far.
  private var topIDs: [Int] = []
  private var skipped: [String] = []
  private var stoppedBy: String?

  /// Opens the book and reads its package and table of contents; throws when it cannot be
  /// read at all or when its chapters are encrypted.
  public init(bytes: [UInt8], limits: ZipArchive.Limits = .standard) throws(EPUBError) {
    do { archive = try ZipArchive(bytes: bytes, limits: limits) } catch { throw .archive(error) }
    package = try EPUBPackage.read(from: archive)
    guard !package.spine.isEmpty else { throw .nothingReadable }
    if EPUBEncryption.encryptsContent(archive, documents: Set(package.spine.map(\.path))) { throw .encrypted }
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
    title = package.title
    author = package.author
    converter.chinese = package.language?.hasPrefix("zh") ?? false
  }

  /// Whether every chapter was imported (or the import stopped at a limit).
  public var isFinished: Bool { nextChapter >= package.spine.count || stoppedBy != nil }

  /// The share of chapters imported, for a progress figure.
  public var fractionImported: Double { Double(nextChapter) / Double(max(1, package.spine.count)) }

  /// One spine item imported: its top-level blocks, the table of contents entries that now have
  /// a place, and its entry name with the anchors placed (for `BookPlaces`).
  public typealias Chapter = (
    blocks: [Block], entries: [OutlineEntry], chapter: (path: String, anchors: [String: Int])
  )

  /// The next chapter; nil when all are imported. Skipped chapters give empty blocks.
  public mutating func importNextChapter() -> Chapter? {
    guard !isFinished else { return nil }
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
    return (blocks, placedEntries(), (item.path, converter.takeNewAnchors()))
  }

  /// What went wrong on the way, for the status line: skipped chapters and a stop at a limit.
  public var notice: Message? {
    skipped.isEmpty && stoppedBy == nil
      ? nil : .bookDamage(unreadableChapters: skipped.count, stoppedAt: stoppedBy)
  }

  /// The first chapters, until they hold at least `minimumBlocks` top-level blocks (and at
  /// least one), as a document whose outline will grow: a large book is painted from it before
  /// the rest is imported.
  public mutating func firstDocument(fallbackTitle: String, minimumBlocks: Int = 1) -> Document {
    var document = Document(
      title: title ?? fallbackTitle, author: author, blocks: [],
      outline: hasTableOfContents ? Outline(entries: []) : nil)
    document.bookPlaces = BookPlaces(spine: Set(package.spine.filter(\.isDocument).map(\.path)))
    while document.blocks.count < max(1, minimumBlocks), let chapter = importNextChapter() {
      document.append(chapter.blocks, entries: chapter.entries, chapter: chapter.chapter)
    }
    document.notice = notice
    return document
  }

  /// The whole book; throws when not one chapter could be read.
  public mutating func document(fallbackTitle: String) throws(EPUBError) -> Document {
    var document = firstDocument(fallbackTitle: fallbackTitle)
    while let chapter = importNextChapter() {
      document.append(chapter.blocks, entries: chapter.entries, chapter: chapter.chapter)
    }
    if document.isEmpty && !skipped.isEmpty { throw .nothingReadable }
    document.notice = notice
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
