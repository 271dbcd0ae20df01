/// A block of the document: heading, paragraph, list, quote, code, table, rule, footnote or front matter.
public struct Block: Hashable, Sendable {
  /// The block's position in a pre-order walk of the whole document, unique per block.
  public var id: Int
  public var kind: Kind

  public init(id: Int, kind: Kind) {
    self.id = id
    self.kind = kind
  }

  /// What a block is, with its content.
  public indirect enum Kind: Hashable, Sendable {
    case heading(level: Int, runs: [InlineRun])
    case paragraph([InlineRun])
    case list(ListBlock)
    case quote([Block])
    case code(info: String, text: String)
    case table(TableBlock)
    case thematicBreak
    /// A footnote's definition: its label, shown before its blocks (`[note] ...`).
    case footnote(label: String, blocks: [Block])
    /// Metadata at the start of the file, shown dim above the content (see `FrontMatter`).
    case frontMatter(FrontMatter)
  }

  /// The inline runs of a heading or paragraph; empty for other blocks.
  public var runs: [InlineRun] {
    switch kind {
    case .heading(_, let runs), .paragraph(let runs): return runs
    default: return []
    }
  }

  /// The title of a paragraph that is a pseudo-heading (its whole content one strong span).
  public var pseudoHeadingTitle: String? {
    // Most paragraphs have no bold at all: they are turned away before any text is looked at.
    guard case .paragraph(let runs) = kind, runs.contains(where: { $0.style.contains(.bold) }) else {
      return nil
    }
    let visible = runs.filter { !$0.text.allSatisfy(\.isWhitespace) }
    guard !visible.isEmpty, visible.allSatisfy({ $0.style.contains(.bold) }) else { return nil }
    let title = runs.plainText.trimmingWhitespace()
    return title.isEmpty || title.contains("\n") ? nil : title
  }

  /// The blocks directly inside this one.
  public var children: [Block] {
    switch kind {
    case .list(let list): return list.items.flatMap(\.blocks)
    case .quote(let blocks), .footnote(_, let blocks): return blocks
    default: return []
    }
  }
}

extension String {
  func trimmingWhitespace() -> String {
    // Most strings start and end with a visible ASCII character: nothing to look at.
    if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first),
      (0x21..<0x80).contains(last)
    {
      return self
    }
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
