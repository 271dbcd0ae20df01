/// Numbered link references for printed output, as `w3m -dump` makes them: link text is followed
/// by `[n]` and the destinations are listed after the document.
///
/// Numbers follow the footnotes' (a document with two footnotes numbers its first link 3), so a
/// number in brackets names one thing; a destination that comes back keeps its first number, and a
/// link whose text is its destination (an autolink) gets none. Nor does a link to a place in the
/// document itself (`#id`; in a book, any path inside it): on paper there is nowhere to follow it,
/// and a book's footnote marks and their way back were printed as `[1][1]` and `[1][2]`, with
/// `#n1`, `#r1` and percent-encoded chapter file names listed after the book.
public struct LinkReferences: Sendable {
  /// The destinations in number order, with their numbers.
  public private(set) var references: [(number: Int, destination: String)] = []
  private var numbers: [String: Int] = [:]
  private var next: Int
  /// Whether the document is a book, whose links without a scheme lead to its own chapters and files.
  private var isBook = false

  /// Numbers the links of `document`; `numbered` is its blocks with `[n]` after each link (only
  /// blocks to lay out: a whole `Document` would work out its outline and caches again).
  public static func number(_ document: Document) -> (numbered: [Block], references: LinkReferences) {
    var references = LinkReferences(after: document)
    return (references.number(document.blocks), references)
  }

  /// Numbering for the blocks of `document` taken a window at a time (`number(_:)` each in turn):
  /// the first link gets the number after the document's last footnote, as `number(document)`.
  init(after document: Document) {
    self.init(next: document.blocks.reduce(0) { max($0, Self.highestFootnote(in: $1)) } + 1)
    isBook = document.bookPlaces != nil
  }

  /// Numbering for blocks that come a chunk at a time (`number(_:)` each in turn), in a document
  /// without footnotes: the first link gets 1.
  init() { self.init(next: 1) }

  private init(next: Int) { self.next = next }

  /// The blocks with `[n]` after each link, numbered on from the blocks numbered before.
  mutating func number(_ blocks: some Sequence<Block>) -> [Block] {
    blocks.map { number($0) }
  }

  private static func highestFootnote(in block: Block) -> Int {
    var highest = 0
    if case .footnote(let label, _) = block.kind { highest = Int(label) ?? 0 }
    return block.children.reduce(highest) { max($0, highestFootnote(in: $1)) }
  }

  private mutating func number(_ block: Block) -> Block {
    var block = block
    switch block.kind {
    case .heading(let level, let runs): block.kind = .heading(level: level, runs: number(runs))
    case .paragraph(let runs): block.kind = .paragraph(number(runs))
    case .list(var list):
      for index in list.items.indices {
        list.items[index].blocks = list.items[index].blocks.map { number($0) }
      }
      block.kind = .list(list)
    case .quote(let blocks): block.kind = .quote(blocks.map { number($0) })
    case .footnote(let label, let blocks):
      block.kind = .footnote(label: label, blocks: blocks.map { number($0) })
    case .table(var table):
      table.header = table.header.map { number($0) }
      table.rows = table.rows.map { $0.map { number($0) } }
      block.kind = .table(table)
    case .code, .thematicBreak, .frontMatter: break
    }
    return block
  }

  /// The runs with `[n]` after each link.
  private mutating func number(_ runs: [InlineRun]) -> [InlineRun] {
    guard runs.contains(where: { if case .link = $0.target { true } else { false } }) else { return runs }
    var result: [InlineRun] = []
    var index = 0
    while index < runs.count {
      guard case .link(let destination) = runs[index].target else {
        result.append(runs[index])
        index += 1
        continue
      }
      var text = ""
      while index < runs.count, runs[index].target == .link(destination) {
        text += runs[index].text
        result.append(runs[index])
        index += 1
      }
      if !Self.isAutolink(text: text, destination: destination) && !leadsInside(destination) {
        result.append(InlineRun("[\(reference(for: destination))]", style: .dim))
      }
    }
    return result
  }

  private mutating func reference(for destination: String) -> Int {
    if let number = numbers[destination] { return number }
    let number = next
    next += 1
    numbers[destination] = number
    references.append((number, destination))
    return number
  }

  /// Whether `destination` is a place in the document itself.
  private func leadsInside(_ destination: String) -> Bool {
    if destination.hasPrefix("#") { return true }
    return isBook && !EPUBPath.isOutside(destination)
  }

  static func isAutolink(text: String, destination: String) -> Bool {
    let text = text.trimmingWhitespace()
    return ["", "http://", "https://", "mailto:"].contains { $0 + text == destination }
  }
}
