/// The start of the text a selected link leads to inside its document, for the status line: a
/// footnote's text, a book's note, or the heading a link to another chapter or section reaches.
/// A note is read where its mark is, without going there and coming back; a book's addresses
/// (`text/ch02.xhtml#n3`) say nothing to a reader, where the text they lead to does.
enum LinkPreview {
  /// Characters kept: more than any status line holds.
  static let limit = 240

  /// Leaf blocks looked at past an empty one (an anchor before its text, a picture) before giving up.
  static let emptyLeavesSkipped = 4

  /// The text at the place `link` leads to, on one line and in the script shown; nil when it
  /// leads out of the document, to a place not yet read, or to nothing with text.
  static func text(of link: LinkSelection, in state: ReaderState) -> String? {
    let document = state.document
    let found: String?
    switch link.target {
    case .footnote(let label):
      // The note Enter goes to.
      guard let index = LinkNavigation.footnoteIndex(label, in: document) else { return nil }
      found = text(of: document.blocks[index].children)
    case .link(let destination):
      guard let book = document.bookPlaces,
        case .place(let leaf, nil) = book.destination(of: destination, fromTopIndex: link.block)
      else { return nil }
      found = text(from: leaf, in: document)
    }
    guard let found, !found.isEmpty else { return nil }
    return state.conversions.text(found, state.setting)
  }

  /// The text of leaf block `id` or, when it has none, of the first of the next few that has.
  private static func text(from id: Int, in document: Document) -> String? {
    var leaves = 0
    for block in document.blocks[document.topIndex(ofBlock: id)...] {
      var result: String?
      walk(block) { leaf in
        guard leaf.id >= id else { return true }
        leaves += 1
        if let text = text(of: [leaf]), !text.isEmpty {
          result = text
          return false
        }
        return leaves <= emptyLeavesSkipped
      }
      if result != nil || leaves > emptyLeavesSkipped { return result }
    }
    return nil
  }

  /// Calls `visit` on each leaf block under `block` in reading order while it answers true;
  /// false once it has answered false.
  @discardableResult
  private static func walk(_ block: Block, _ visit: (Block) -> Bool) -> Bool {
    let children = block.children
    if children.isEmpty { return visit(block) }
    for child in children where !walk(child, visit) { return false }
    return true
  }

  /// The visible text of `blocks` joined on one line, at most `limit` characters; tables and
  /// rules give none.
  private static func text(of blocks: [Block]) -> String? {
    var pieces: [String] = []
    var count = 0
    for block in blocks where count < limit {
      let piece: String
      switch block.kind {
      case .heading(_, let runs), .paragraph(let runs): piece = start(of: runs.lazy.map(\.text))
      case .code(_, let text): piece = start(of: CollectionOfOne(text))
      case .list, .quote, .footnote: piece = text(of: block.children) ?? ""
      case .table, .thematicBreak, .frontMatter: piece = ""
      }
      let line = oneLine(piece)
      guard !line.isEmpty else { continue }
      pieces.append(line)
      count += line.count
    }
    let joined = pieces.joined(separator: " ")
    return joined.count > limit ? String(joined.prefix(limit)) : joined
  }

  /// The first `limit` characters of `texts` joined, and a few more for the spaces `oneLine`
  /// takes out: a note of megabytes is never copied whole for each frame.
  private static func start(of texts: some Sequence<String>) -> String {
    var result = ""
    let wanted = 2 * limit
    for text in texts {
      let room = wanted - result.count
      if room <= 0 { break }
      result += text.utf8.count <= room ? text : String(text.prefix(room))
    }
    return result
  }

  /// Line breaks, tabs and runs of spaces as one space, controls made visible, nothing at the
  /// ends; an ideographic space, part of how Chinese is set, stays.
  private static func oneLine(_ text: String) -> String {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline })
    return VisibleText.singleLine(words.joined(separator: " "))
  }
}
