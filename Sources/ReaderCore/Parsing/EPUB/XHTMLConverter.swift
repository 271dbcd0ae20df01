/// Turns the body of an (X)HTML chapter into the blocks the Markdown importer makes: headings,
/// paragraphs, lists, quotes, code, tables and rules, with emphasis, code, links and line breaks
/// inline.
///
/// A link keeps its destination as the book writes it; an image becomes its placeholder
/// (`ImagePlaceholder`: `[圖: alt]` in a Chinese book), and ruby becomes the base text followed
/// by its reading in parentheses, dim: `漢字(かんじ)`, one annotation after each base it reads.
/// Every element's `id` is remembered as the leaf block it starts (or stands in), so a table of
/// contents entry or a link `chapter.xhtml#id` finds its place. Block ids continue across
/// chapters, so one converter reads a whole book.
struct XHTMLConverter {
  /// The next block id to hand out.
  var nextID: Int
  /// `path#id` (and `path` itself for a chapter's start) → the id of the leaf block there.
  private(set) var anchors: [String: Int] = [:]
  /// The anchors placed since `takeNewAnchors` was last called.
  private var newAnchors: [String: Int] = [:]
  /// Anchors met since the last leaf block: they belong to the next one.
  private var pendingAnchors: [String] = []
  private var path = ""
  /// How many lists and quotes enclose what is being converted.
  private var depth = 0

  /// Whether image placeholders say 圖 (the book's language is Chinese).
  var chinese = false

  init(nextID: Int = 0, chinese: Bool = false) {
    self.nextID = nextID
    self.chinese = chinese
  }

  /// The top-level blocks of one chapter, `path` being its name in the book.
  mutating func blocks(ofChapter root: MarkupElement, path: String) -> [Block] {
    self.path = path
    pendingAnchors.append(path)
    return blocks(in: root.first("body") ?? root)
  }

  /// The blocks under a container element: inline content between blocks becomes paragraphs.
  private mutating func blocks(in container: MarkupElement) -> [Block] {
    var result: [Block] = []
    var inline = InlineBuilder()
    func flush() {
      let runs = inline.finish()
      inline = InlineBuilder()
      guard !runs.isEmpty else { return }
      result.append(Block(id: takeLeafID(), kind: .paragraph(runs)))
    }
    for node in container.children {
      switch node {
      case .text(let text):
        inline.appendText(text, style: [])
      case .element(let element):
        if Self.skipped.contains(element.name) { continue }
        if Self.blockNames.contains(element.name) || Self.containerNames.contains(element.name) {
          flush()
          result += blocks(from: element)
        } else {
          appendInline(element, style: [], to: &inline)
        }
      }
    }
    flush()
    return result
  }

  /// The blocks one block-level element makes (a container makes those of its children).
  private mutating func blocks(from element: MarkupElement) -> [Block] {
    noteAnchor(of: element)
    let deep = depth >= MarkdownParser.maximumNesting
    switch element.name {
    case "h1", "h2", "h3", "h4", "h5", "h6":
      let runs = inlineRuns(of: element)
      guard !runs.isEmpty else { return [] }
      let level = Int(String(element.name.dropFirst())) ?? 1
      return [Block(id: takeLeafID(), kind: .heading(level: level, runs: runs))]
    case "p":
      let runs = inlineRuns(of: element)
      guard !runs.isEmpty else { return [] }
      return [Block(id: takeLeafID(), kind: .paragraph(runs))]
    case "ul",
      "ol" where !deep:
      let id = takeID()
      depth += 1
      defer { depth -= 1 }
      var items: [ListItem] = []
      for child in element.elements where child.name == "li" {
        noteAnchor(of: child)
        items.append(ListItem(blocks: blocks(in: child)))
      }
      guard !items.isEmpty else { return [] }
      let start = Int(element.attributes["start"] ?? "") ?? 1
      let tight = items.allSatisfy { $0.blocks.count <= 1 }
      return [
        Block(
          id: id,
          kind: .list(ListBlock(ordered: element.name == "ol", start: start, tight: tight, items: items)))
      ]
    case "blockquote" where !deep:
      let id = takeID()
      depth += 1
      defer { depth -= 1 }
      let children = blocks(in: element)
      return children.isEmpty ? [] : [Block(id: id, kind: .quote(children))]
    case "pre":
      var text = Self.preformattedText(of: element)
      if text.hasPrefix("\n") { text.removeFirst() }
      while text.hasSuffix("\n") { text.removeLast() }
      guard !text.isEmpty else { return [] }
      return [Block(id: takeLeafID(), kind: .code(info: "", text: CodeText.expandTabs(text)))]
    case "hr":
      return [Block(id: takeLeafID(), kind: .thematicBreak)]
    case "table":
      guard let table = table(from: element) else { return [] }
      return [Block(id: takeLeafID(), kind: .table(table))]
    case "dt":
      let runs = inlineRuns(of: element, style: .bold)
      return runs.isEmpty ? [] : [Block(id: takeLeafID(), kind: .paragraph(runs))]
    default:
      return blocks(in: element)
    }
  }

  /// A table's header row (its `thead`, or a first row of `th` cells) and body rows.
  private mutating func table(from element: MarkupElement) -> TableBlock? {
    var header: [[InlineRun]] = []
    var rows: [[[InlineRun]]] = []
    var pending = element.elements.reversed().map { ($0, false) }
    while let (node, inHead) = pending.popLast() {
      switch node.name {
      case "thead": pending += node.elements.reversed().map { ($0, true) }
      case "tbody", "tfoot": pending += node.elements.reversed().map { ($0, false) }
      case "tr":
        let cellElements = node.elements.filter { $0.name == "td" || $0.name == "th" }
        let cells = cellElements.map { cell -> [InlineRun] in
          noteAnchor(of: cell)
          return inlineRuns(of: cell)
        }
        let isHeader =
          inHead || (rows.isEmpty && header.isEmpty && cellElements.allSatisfy { $0.name == "th" })
        if isHeader && header.isEmpty { header = cells } else { rows.append(cells) }
      default: break
      }
    }
    let columns = max(header.count, rows.map(\.count).max() ?? 0)
    guard columns > 0 else { return nil }
    return TableBlock(alignments: Array(repeating: .none, count: columns), header: header, rows: rows)
  }

  /// The styled text of an element whose content is all inline (a heading, a paragraph, a cell).
  private mutating func inlineRuns(of element: MarkupElement, style: TextStyle = []) -> [InlineRun] {
    var inline = InlineBuilder()
    appendChildren(of: element, style: style, to: &inline)
    return inline.finish()
  }

  private mutating func appendChildren(
    of element: MarkupElement, style: TextStyle, target: InlineTarget? = nil, to inline: inout InlineBuilder
  ) {
    for node in element.children {
      switch node {
      case .text(let text): inline.appendText(text, style: style, target: target)
      case .element(let child): appendInline(child, style: style, target: target, to: &inline)
      }
    }
  }

  /// One inline element: its text with the element's style added to `style`.
  private mutating func appendInline(
    _ element: MarkupElement, style: TextStyle, target: InlineTarget? = nil, to inline: inout InlineBuilder
  ) {
    noteAnchor(of: element)
    switch element.name {
    case _ where Self.skipped.contains(element.name):
      return
    case "br":
      inline.appendLineBreak(style: style)
    case "img", "image":
      let alt = VisibleText.singleLine(element.attributes["alt"] ?? element.attributes["title"] ?? "")
        .trimmingWhitespace()
      let source =
        element.attributes["src"] ?? element.attributes["xlink:href"] ?? element.attributes["href"] ?? ""
      let placeholder = ImagePlaceholder.text(
        alt: alt, source: source, chinese: chinese || ImagePlaceholder.isChinese(alt))
      inline.appendAtom(placeholder, style: style.union(.image), target: target)
    case "svg":
      if let image = element.first("image") { appendInline(image, style: style, target: target, to: &inline) }
    case "ruby":
      appendRuby(element, style: style, target: target, to: &inline)
    case "rt", "rp":
      return
    case "a":
      guard let href = element.attributes["href"] else {
        return appendChildren(of: element, style: style, target: target, to: &inline)
      }
      appendChildren(
        of: element, style: style.union(.link), target: .link(VisibleText.singleLine(href)), to: &inline)
    default:
      appendChildren(
        of: element, style: style.union(Self.styles[element.name] ?? []), target: target, to: &inline)
    }
  }

  /// Ruby as `base(reading)`: each `rt` follows the base text before it, dim, in parentheses;
  /// the `rp` parentheses a book provides for old browsers are dropped in favour of these.
  private mutating func appendRuby(
    _ ruby: MarkupElement, style: TextStyle, target: InlineTarget?, to inline: inout InlineBuilder
  ) {
    for node in ruby.children {
      switch node {
      case .text(let text):
        inline.appendText(text, style: style, target: target)
      case .element(let child) where child.name == "rt" || child.name == "rtc":
        let reading =
          child.name == "rt" ? child.text : child.elements.filter { $0.name != "rp" }.map(\.text).joined()
        let trimmed = reading.trimmingWhitespace()
        if !trimmed.isEmpty {
          inline.appendAtom("(" + trimmed + ")", style: style.union(.dim), target: target)
        }
      case .element(let child):
        appendInline(child, style: style, target: target, to: &inline)
      }
    }
  }

  /// The text of a `pre` as written: white space kept, `br` a line end.
  private static func preformattedText(of element: MarkupElement) -> String {
    var text = ""
    var pending: [MarkupNode] = [.element(element)]
    while let node = pending.popLast() {
      switch node {
      case .text(let part): text += part
      case .element(let child) where child.name == "br": text += "\n"
      case .element(let child) where skipped.contains(child.name): continue
      case .element(let child): pending += child.children.reversed()
      }
    }
    return text
  }

  private mutating func noteAnchor(of element: MarkupElement) {
    if let id = element.attributes["id"], !id.isEmpty { pendingAnchors.append(path + "#" + id) }
    if element.name == "a", let name = element.attributes["name"], !name.isEmpty {
      pendingAnchors.append(path + "#" + name)
    }
  }

  private mutating func takeID() -> Int {
    defer { nextID += 1 }
    return nextID
  }

  /// The id of a new leaf block, which the anchors met since the last one now point at.
  private mutating func takeLeafID() -> Int {
    let id = takeID()
    for anchor in pendingAnchors where anchors[anchor] == nil {
      anchors[anchor] = id
      newAnchors[anchor] = id
    }
    pendingAnchors.removeAll()
    return id
  }

  /// The anchors placed since the last call (those of the chapter just converted, and of the
  /// ends of earlier chapters that had no leaf block after them).
  mutating func takeNewAnchors() -> [String: Int] {
    defer { newAnchors = [:] }
    return newAnchors
  }

  private static let blockNames: Set<String> = [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "blockquote", "pre", "hr", "table", "dt",
  ]

  /// Elements that only group blocks: their children are read as if they stood in their place.
  private static let containerNames: Set<String> = [
    "body", "html", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
    "figcaption", "center", "address", "hgroup", "details", "summary", "form", "fieldset", "dl", "dd", "li",
    "menu", "dir", "caption",
  ]

  /// Elements whose content is not text to read.
  private static let skipped: Set<String> = [
    "head", "script", "style", "title", "meta", "link", "noscript", "template", "object", "iframe", "audio",
    "video", "math", "button", "input", "select", "textarea",
  ]

  private static let styles: [String: TextStyle] = [
    "b": .bold, "strong": .bold, "i": .italic, "em": .italic, "cite": .italic, "dfn": .italic, "var": .italic,
    "code": .code, "kbd": .code, "samp": .code, "tt": .code, "s": .strikethrough, "strike": .strikethrough,
    "del": .strikethrough, "u": .underline, "ins": .underline,
  ]
}
