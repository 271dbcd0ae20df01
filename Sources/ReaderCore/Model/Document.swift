/// A parsed document: its top-level blocks, title and outline.
public struct Document: Sendable {
  /// What the body shows for a document with nothing in it.
  public static let emptyMessage = "empty document"

  public let title: String
  /// Who wrote it, when the source says (a book's metadata); shown after the title.
  public let author: String?
  public private(set) var blocks: BlockList
  public private(set) var outline: Outline
  /// Whether the outline is the one the source declares (a book's table of contents) rather
  /// than the one found in the headings.
  public let declaresOutline: Bool
  /// A one-line note about how the source was read (`3 invalid bytes replaced`), for the status line.
  public var notice: Message?
  /// The encoding the source was decoded from when it was not UTF-8 (`GB18030`), for the status line.
  public var encodingLabel: String?
  /// A book's chapters and anchors, so its links are followed inside the document; nil for
  /// anything that is not a book.
  public var bookPlaces: BookPlaces?

  /// The title may come from a file name, so it is made drawable here, once, on one line. A
  /// document that opens with front matter naming a `title` takes that title instead.
  public init(title: String, blocks: [Block], notice: Message? = nil) {
    self.init(title: title, author: nil, blocks: blocks, outline: nil, notice: notice)
  }

  /// A document whose source names its author and may declare its own outline (entries in
  /// reading order, pointing at leaf blocks); without one the outline comes from the headings.
  public init(title: String, author: String?, blocks: [Block], outline: Outline?, notice: Message? = nil) {
    self.init(title: title, author: author, blocks: BlockList(blocks), outline: outline, notice: notice)
  }

  /// Like `init(title:author:blocks:outline:notice:)`, with blocks that other documents may share.
  public init(title: String, author: String?, blocks: BlockList, outline: Outline?, notice: Message? = nil) {
    if case .frontMatter(let frontMatter) = blocks.first?.kind, let named = frontMatter.title {
      self.title = named
    } else {
      self.title = VisibleText.singleLine(title)
    }
    self.author = author.map(VisibleText.singleLine).flatMap { $0.isEmpty ? nil : $0 }
    self.blocks = blocks
    self.outline = outline ?? Outline(blocks: blocks)
    declaresOutline = outline != nil
    self.notice = notice
  }

  /// The title with the author after it, `三國演義 — 羅貫中`, as the status line and the shelf name
  /// a document.
  public var byline: String { Self.byline(title: title, author: author) }

  /// `title — author`, or the title alone.
  public static func byline(title: String, author: String?) -> String {
    title + (author.map { " — " + $0 } ?? "")
  }

  /// The index of the top-level block that holds block `id` (ids grow in reading order, and a
  /// container's id comes before its children's).
  public func topIndex(ofBlock id: Int) -> Int {
    blocks.lastIndex(inPrefixWhere: { $0.id <= id }) ?? 0
  }

  /// Whether the document has nothing to show.
  public var isEmpty: Bool { blocks.isEmpty }

  /// Adds the top-level blocks of the next chunk of the same source (see `ChunkedParser`).
  ///
  /// The outline grows with them as `Outline.appending` describes; the result equals the document
  /// built from all the blocks at once. A declared outline grows by `entries` instead.
  /// A book's next chapter comes with `chapter`: its entry name and the anchors placed in it.
  public mutating func append(
    _ more: [Block], entries: [OutlineEntry] = [], chapter: (path: String, anchors: [String: Int])? = nil
  ) {
    if let chapter { bookPlaces?.addChapter(chapter.path, start: blocks.count, anchors: chapter.anchors) }
    outline =
      declaresOutline
      ? Outline(entries: outline.entries + entries) : outline.appending(more, firstTopIndex: blocks.count)
    // A background parse appends to a copy of the blocks the screen still holds: the list
    // shares its full segments with that copy.
    blocks.append(contentsOf: more)
  }

  /// The same document with the outline of its headings instead of a declared one: a book whose
  /// table of contents, read after its first page, lists none of its chapters.
  public func withHeadingsOutline() -> Document {
    var replaced = Document(title: title, author: author, blocks: blocks, outline: nil, notice: notice)
    replaced.encodingLabel = encodingLabel
    replaced.bookPlaces = bookPlaces
    return replaced
  }

  /// The same document with other blocks of the same shape (the text converted to another
  /// script), and the declared outline's titles passed through `title`.
  public func replacingBlocks<Failure: Error>(
    _ blocks: [Block], title convert: (String) throws(Failure) -> String
  ) throws(Failure) -> Document {
    var outline: Outline?
    if declaresOutline {
      var entries = self.outline.entries
      for index in entries.indices { entries[index].title = try convert(entries[index].title) }
      outline = Outline(entries: entries)
    }
    var replaced = Document(title: title, author: author, blocks: blocks, outline: outline, notice: notice)
    replaced.encodingLabel = encodingLabel
    replaced.bookPlaces = bookPlaces
    return replaced
  }
}
