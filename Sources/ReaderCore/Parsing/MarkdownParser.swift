import CCmarkGFM

/// Parses Markdown with cmark-gfm (tables, strikethrough, autolinks, task lists) into a `Document`.
public struct MarkdownParser: Sendable {
  /// Quotes and lists nested deeper than this keep their content but lose the extra levels.
  ///
  /// Indentation stops growing long before this (see `BlockLayouter`), so nothing visible is
  /// lost, while every later walk of the blocks stays within a small, fixed recursion depth:
  /// a few kilobytes of `> > > ...` would otherwise overflow the stack.
  public static let maximumNesting = 100

  public init() {}

  /// Parses `text`; the C tree is freed before this returns.
  public func parse(_ text: String, title: String) -> Document {
    Document(title: title, blocks: parseBlocks(text, firstID: 0).blocks)
  }

  /// Parses `text` into top-level blocks whose ids start at `firstID`.
  public func parseBlocks(_ text: String, firstID: Int) -> (blocks: [Block], nextID: Int) {
    var text = text
    return text.withUTF8 { parseBlocks(utf8: UnsafeRawBufferPointer($0), firstID: firstID) }
  }

  /// Parses UTF-8 bytes (invalid sequences become U+FFFD) into top-level blocks whose ids start at
  /// `firstID`. The bytes are read in place, not copied.
  ///
  /// Front matter at the start of the bytes becomes the first block (`Block.Kind.frontMatter`)
  /// and cmark parses what follows it, as `ChunkedParser` does with its first chunk.
  public func parseBlocks(utf8 bytes: UnsafeRawBufferPointer, firstID: Int) -> (blocks: [Block], nextID: Int)
  {
    var front: [Block] = []
    var body = bytes
    if let found = FrontMatterReader.read(bytes) {
      front = [Block(id: firstID, kind: .frontMatter(found.frontMatter))]
      body = UnsafeRawBufferPointer(rebasing: bytes[found.end...])
    }
    let chinese = ImagePlaceholder.isChinese(source: bytes)
    return withTree(utf8: body) { root in
      var converter = NodeConverter(nextID: firstID + front.count, chinese: chinese)
      let blocks = converter.blocks(under: root)
      return (front + blocks, converter.nextID)
    } ?? (front, firstID + front.count)
  }

  /// Parses `bytes` and lends the cmark document node to `body`; the tree is freed when it returns.
  ///
  /// With `inArena`, cmark allocates from `CmarkArena`, emptied in one go afterwards (for parsing
  /// chunk after chunk without fragmenting the heap).
  func withTree<Result>(
    utf8 bytes: UnsafeRawBufferPointer, inArena: Bool = false, _ body: (OpaquePointer) -> Result
  ) -> Result? {
    MarkdownParser.registerExtensions
    if inArena {
      return CmarkArena.withAllocator { allocator in
        parse(bytes, with: cmark_parser_new_with_mem(Self.options, allocator), body)
      }
    }
    guard let parser = cmark_parser_new(Self.options) else { return nil }
    defer { cmark_parser_free(parser) }
    guard let root = parse(bytes, with: parser, { $0 }) else { return nil }
    defer { cmark_node_free(root) }
    return body(root)
  }

  private static let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES

  /// Feeds `bytes` to `parser` and hands the finished document node to `body`; frees nothing.
  private func parse<Result>(
    _ bytes: UnsafeRawBufferPointer, with parser: OpaquePointer?, _ body: (OpaquePointer) -> Result
  ) -> Result? {
    guard let parser else { return nil }
    for name in ["table", "strikethrough", "autolink", "tasklist"] {
      if let extensionHandle = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionHandle)
      }
    }
    if let base = bytes.baseAddress, bytes.count > 0 {
      cmark_parser_feed(parser, base.assumingMemoryBound(to: CChar.self), bytes.count)
    }
    guard let root = cmark_parser_finish(parser) else { return nil }
    return body(root)
  }

  private static let registerExtensions: Void = {
    cmark_gfm_core_extensions_ensure_registered()
  }()
}

/// Walks a cmark tree and builds the project's own blocks from it.
struct NodeConverter {
  var nextID: Int
  /// Whether image placeholders say 圖 rather than `image` (see `ImagePlaceholder`).
  let chinese: Bool

  /// How many quotes and list items enclose the blocks being converted.
  var depth = 0

  /// How many footnote definitions came so far. cmark moves the definitions that are referenced to
  /// the end in the order of their first reference and numbers the references so (`[^note]`
  /// becomes `1`); the nth definition is therefore footnote n.
  var footnotes = 0

  mutating func blocks(under parent: OpaquePointer) -> [Block] {
    var result: [Block] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      if depth >= MarkdownParser.maximumNesting && Self.isContainer(typeName(node)) {
        result += flattenedBlocks(under: node)
      } else if let block = block(from: node) {
        result.append(block)
      }
      child = cmark_node_next(node)
    }
    return result
  }

  private static func isContainer(_ type: String) -> Bool {
    ["block_quote", "list", "item", "tasklist", "footnote_definition"].contains(type)
  }

  /// The non-container blocks under a too-deeply nested container, in order, found without recursion.
  private mutating func flattenedBlocks(under container: OpaquePointer) -> [Block] {
    var result: [Block] = []
    var pending: [OpaquePointer] = [container]
    while let node = pending.popLast() {
      if Self.isContainer(typeName(node)) {
        var children: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let next = child {
          children.append(next)
          child = cmark_node_next(next)
        }
        pending += children.reversed()
      } else if let block = block(from: node) {
        result.append(block)
      }
    }
    return result
  }

  /// The blocks under a container one level deeper.
  private mutating func nestedBlocks(under parent: OpaquePointer) -> [Block] {
    depth += 1
    defer { depth -= 1 }
    return blocks(under: parent).exactlySized()
  }

  private mutating func takeID() -> Int {
    defer { nextID += 1 }
    return nextID
  }

  /// The block for one node, or nil for a node that is not a block (its id is not taken).
  mutating func block(from node: OpaquePointer) -> Block? {
    let type = typeName(node)
    switch type {
    case "paragraph":
      let runs = inlines(under: node)
      guard Self.showsText(runs) else { return nil }
      return Block(id: takeID(), kind: .paragraph(runs))
    case "heading":
      let runs = inlines(under: node)
      guard Self.showsText(runs) else { return nil }
      let level = Int(cmark_node_get_heading_level(node))
      return Block(id: takeID(), kind: .heading(level: level, runs: runs))
    case "block_quote":
      let id = takeID()
      return Block(id: id, kind: .quote(nestedBlocks(under: node)))
    case "list":
      let id = takeID()
      let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      var items: [ListItem] = []
      var child = cmark_node_first_child(node)
      while let item = child {
        let task: Bool? =
          typeName(item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
        let blocks = nestedBlocks(under: item)
        // An item whose only text was invisible (a lone ZWSP) is not shown; a truly empty one is.
        if !blocks.isEmpty || cmark_node_first_child(item) == nil {
          items.append(ListItem(blocks: blocks, task: task))
        }
        child = cmark_node_next(item)
      }
      guard !items.isEmpty else { return nil }
      let list = ListBlock(
        ordered: ordered, start: Int(cmark_node_get_list_start(node)),
        tight: cmark_node_get_list_tight(node) != 0, items: items.exactlySized())
      return Block(id: id, kind: .list(list))
    case "code_block":
      let id = takeID()
      let info = VisibleText.sanitize(string(cmark_node_get_fence_info(node)))
      var code = string(cmark_node_get_literal(node))
      if code.hasSuffix("\n") { code.removeLast() }
      return Block(id: id, kind: .code(info: info, text: CodeText.expandTabs(code)))
    case "html_block":
      // Shown as the text a browser would show; markup alone (a comment, `</details>`) is no block.
      let runs = HTMLText.runs(ofBlock: string(cmark_node_get_literal(node)), chinese: chinese)
      guard Self.showsText(runs) else { return nil }
      return Block(id: takeID(), kind: .paragraph(runs))
    case "thematic_break":
      return Block(id: takeID(), kind: .thematicBreak)
    case "table":
      let id = takeID()
      return Block(id: id, kind: .table(table(from: node)))
    case "footnote_definition":
      let id = takeID()
      footnotes += 1
      return Block(id: id, kind: .footnote(label: String(footnotes), blocks: nestedBlocks(under: node)))
    default:
      return nil
    }
  }

  /// Whether runs draw anything: a paragraph or heading of nothing but blanks and invisible
  /// format characters (removed by `VisibleText`) is not shown at all.
  private static func showsText(_ runs: [InlineRun]) -> Bool {
    runs.contains { run in run.text.unicodeScalars.contains { !$0.properties.isWhitespace } }
  }

  private func table(from node: OpaquePointer) -> TableBlock {
    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
    var alignments: [TableBlock.Alignment] = []
    if let raw = cmark_gfm_extensions_get_table_alignments(node) {
      for index in 0..<columns {
        switch raw[index] {
        case UInt8(ascii: "l"): alignments.append(.left)
        case UInt8(ascii: "c"): alignments.append(.center)
        case UInt8(ascii: "r"): alignments.append(.right)
        default: alignments.append(.none)
        }
      }
    }
    var header: [[InlineRun]] = []
    var rows: [[[InlineRun]]] = []
    var row = cmark_node_first_child(node)
    while let rowNode = row {
      var cells: [[InlineRun]] = []
      var cell = cmark_node_first_child(rowNode)
      while let cellNode = cell {
        cells.append(inlines(under: cellNode))
        cell = cmark_node_next(cellNode)
      }
      if cmark_gfm_extensions_get_table_row_is_header(rowNode) != 0 {
        header = cells
      } else {
        rows.append(cells)
      }
      row = cmark_node_next(rowNode)
    }
    return TableBlock(alignments: alignments, header: header, rows: rows)
  }

  /// The styled text under a block, walked with cmark's iterator: emphasis can nest thousands
  /// deep (`*****...a*****...`), which a recursive walk would overflow the stack on.
  ///
  /// cmark hands inline HTML over tag by tag (`<sup>`, `n`, `</sup>` are three nodes), so the
  /// open HTML elements are kept on a stack of their own, applied over cmark's nesting.
  private func inlines(under root: OpaquePointer) -> [InlineRun] {
    var collector = InlineCollector()
    guard let iterator = cmark_iter_new(root) else { return [] }
    defer { cmark_iter_free(iterator) }
    var frames: [InlineFrame] = [InlineFrame()]
    var htmlFrames: [(name: String, frame: InlineFrame)] = []
    func current() -> InlineFrame {
      guard let html = htmlFrames.last?.frame else { return frames[frames.count - 1] }
      let base = frames[frames.count - 1]
      return InlineFrame(style: base.style.union(html.style), target: html.target ?? base.target)
    }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator), node != root else { continue }
      let type = typeName(node)
      if event == CMARK_EVENT_EXIT {
        if type == "image" {
          let frame = current()
          if cmark_node_first_child(node) == nil {
            collector.append(
              ImagePlaceholder.fileName(of: string(cmark_node_get_url(node))), style: frame.style,
              target: frame.target)
          }
          collector.append(ImagePlaceholder.closing, style: frame.style, target: frame.target)
        }
        if frames.count > 1 { frames.removeLast() }
        continue
      }
      let frame = current()
      switch type {
      case "text":
        collector.append(string(cmark_node_get_literal(node)), style: frame.style, target: frame.target)
      case "html_inline":
        inlineHTML(
          HTMLTag(string(cmark_node_get_literal(node))), node: node, frame: frame, htmlFrames: &htmlFrames,
          into: &collector)
      case "code":
        collector.append(
          string(cmark_node_get_literal(node)), style: frame.style.union(.code), target: frame.target)
      case "softbreak":
        collector.softBreak(style: frame.style, target: frame.target)
      case "linebreak":
        collector.append("\n", style: frame.style, target: frame.target)
      case "strong":
        frames.append(frame.adding(.bold))
      case "emph":
        frames.append(frame.adding(.italic))
      case "strikethrough":
        frames.append(frame.adding(.strikethrough))
      case "link":
        let destination = VisibleText.singleLine(string(cmark_node_get_url(node)))
        frames.append(InlineFrame(style: frame.style.union(.link), target: .link(destination)))
      case "image":
        var image = frame.adding(.image)
        image.style.remove(.link)
        let alt = plainText(under: node)
        collector.append(
          ImagePlaceholder.opening(chinese: chinese || ImagePlaceholder.isChinese(alt)), style: image.style,
          target: image.target)
        frames.append(image)
      case "footnote_reference":
        let label = VisibleText.singleLine(string(cmark_node_get_literal(node)))
        collector.append("[" + label + "]", style: frame.style.union(.link), target: .footnote(label))
        frames.append(frame)
      default:
        // Every other inline node is a container: the iterator will also report its exit.
        frames.append(frame)
      }
    }
    return collector.finish()
  }

  /// One inline HTML tag: comments vanish, elements open or close a frame over the text,
  /// `<br>` breaks the line and `<img>` becomes a placeholder.
  private func inlineHTML(
    _ tag: HTMLTag, node: OpaquePointer, frame: InlineFrame,
    htmlFrames: inout [(name: String, frame: InlineFrame)], into collector: inout InlineCollector
  ) {
    switch tag.kind {
    case .comment, .other:
      return
    case .closing:
      guard let index = htmlFrames.lastIndex(where: { $0.name == tag.name }) else { return }
      let opened = htmlFrames[index]
      htmlFrames.removeSubrange(index...)
      if let closing = opened.frame.closing {
        collector.append(closing, style: frame.style, target: frame.target)
      }
    case .opening, .selfClosing:
      if tag.name == "br" {
        collector.append("\n", style: frame.style, target: frame.target)
        return
      }
      if tag.name == "img" {
        let alt = tag.alt ?? ""
        var style = frame.style.union(.image)
        style.remove(.link)
        collector.append(
          ImagePlaceholder.text(
            alt: alt, source: tag.source ?? "", chinese: chinese || ImagePlaceholder.isChinese(alt)),
          style: style, target: frame.target)
        return
      }
      guard tag.kind == .opening else { return }
      var opened = InlineFrame(style: HTMLText.style(of: tag.name))
      if tag.name == "a", let href = tag.href {
        opened.target = .link(VisibleText.singleLine(href))
        opened.style.insert(.link)
      }
      if let marker = HTMLText.marker(of: tag.name) {
        // 2^n, but 2^(n+1): a longer superscript is bracketed so it reads unambiguously.
        let content = textUntilClosing(tag.name, after: node)
        let bracketed = content.unicodeScalars.count > 1 && !content.allSatisfy { $0.isLetter || $0.isNumber }
        collector.append(marker + (bracketed ? "(" : ""), style: frame.style, target: frame.target)
        opened.closing = bracketed ? ")" : nil
      }
      htmlFrames.append((tag.name, opened))
    }
  }

  /// The literal text of the siblings after `node` up to the tag that closes `name`; only a few
  /// siblings are looked at, so a paragraph of thousands of unclosed `<sup>` stays linear.
  private func textUntilClosing(_ name: String, after node: OpaquePointer) -> String {
    var text = ""
    var sibling = cmark_node_next(node)
    var looked = 0
    while let next = sibling, text.unicodeScalars.count < 64, looked < 16 {
      looked += 1
      if typeName(next) == "html_inline" {
        let tag = HTMLTag(string(cmark_node_get_literal(next)))
        if tag.kind == .closing && tag.name == name { break }
      } else {
        text += plainText(under: next)
      }
      sibling = cmark_node_next(next)
    }
    return text
  }

  /// The literal text of a node and everything under it (alt text, a paragraph's words).
  private func plainText(under root: OpaquePointer) -> String {
    if let literal = cmark_node_get_literal(root), cmark_node_first_child(root) == nil {
      return typeName(root) == "html_inline" ? "" : String(cString: literal)
    }
    guard let iterator = cmark_iter_new(root) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch typeName(node) {
      case "text", "code": text += string(cmark_node_get_literal(node))
      default: break
      }
    }
    return text
  }

  /// The node's type name; cmark-gfm 0.29 names footnote nodes `<unknown>`, so those go by type.
  private func typeName(_ node: OpaquePointer) -> String {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_FOOTNOTE_REFERENCE: return "footnote_reference"
    case CMARK_NODE_FOOTNOTE_DEFINITION: return "footnote_definition"
    default: return string(cmark_node_get_type_string(node))
    }
  }

  private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}

/// The style and target that inline text gets from the elements around it.
struct InlineFrame {
  var style: TextStyle = []
  var target: InlineTarget?
  /// What to write when an HTML element closes (the `)` of `^(n+1)`).
  var closing: String?

  func adding(_ extra: TextStyle) -> InlineFrame {
    InlineFrame(style: style.union(extra), target: target)
  }
}
