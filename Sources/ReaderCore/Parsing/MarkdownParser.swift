import CCmarkGFM

/// Parses Markdown with cmark-gfm (tables, strikethrough, autolinks, task lists) into a `Document`.
public struct MarkdownParser: Sendable {
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
  public func parseBlocks(utf8 bytes: UnsafeRawBufferPointer, firstID: Int) -> (blocks: [Block], nextID: Int)
  {
    withTree(utf8: bytes) { root in
      var converter = NodeConverter(nextID: firstID)
      let blocks = converter.blocks(under: root)
      return (blocks, converter.nextID)
    } ?? ([], firstID)
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

  mutating func blocks(under parent: OpaquePointer) -> [Block] {
    var result: [Block] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      if let block = block(from: node) { result.append(block) }
      child = cmark_node_next(node)
    }
    return result
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
      let id = takeID()
      return Block(id: id, kind: .paragraph(inlines(under: node)))
    case "heading":
      let id = takeID()
      let level = Int(cmark_node_get_heading_level(node))
      return Block(id: id, kind: .heading(level: level, runs: inlines(under: node)))
    case "block_quote":
      let id = takeID()
      return Block(id: id, kind: .quote(blocks(under: node)))
    case "list":
      let id = takeID()
      let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      var items: [ListItem] = []
      var child = cmark_node_first_child(node)
      while let item = child {
        let task: Bool? =
          typeName(item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
        items.append(ListItem(blocks: blocks(under: item), task: task))
        child = cmark_node_next(item)
      }
      let list = ListBlock(
        ordered: ordered, start: Int(cmark_node_get_list_start(node)),
        tight: cmark_node_get_list_tight(node) != 0, items: items)
      return Block(id: id, kind: .list(list))
    case "code_block":
      let id = takeID()
      let info = VisibleText.sanitize(string(cmark_node_get_fence_info(node)))
      var code = string(cmark_node_get_literal(node))
      if code.hasSuffix("\n") { code.removeLast() }
      return Block(id: id, kind: .code(info: info, text: CodeText.expandTabs(code)))
    case "html_block":
      let id = takeID()
      var html = string(cmark_node_get_literal(node))
      while html.hasSuffix("\n") { html.removeLast() }
      return Block(id: id, kind: .html(CodeText.expandTabs(html)))
    case "thematic_break":
      return Block(id: takeID(), kind: .thematicBreak)
    case "table":
      let id = takeID()
      return Block(id: id, kind: .table(table(from: node)))
    case "footnote_definition":
      let id = takeID()
      return Block(id: id, kind: .quote(blocks(under: node)))
    default:
      return nil
    }
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

  private func inlines(under node: OpaquePointer) -> [InlineRun] {
    var collector = InlineCollector()
    collect(under: node, style: [], into: &collector)
    return collector.finish()
  }

  private func collect(under parent: OpaquePointer, style: TextStyle, into collector: inout InlineCollector) {
    var child = cmark_node_first_child(parent)
    while let node = child {
      switch typeName(node) {
      case "text", "html_inline":
        collector.append(string(cmark_node_get_literal(node)), style: style)
      case "code":
        collector.append(string(cmark_node_get_literal(node)), style: style.union(.code))
      case "softbreak":
        collector.softBreak(style: style)
      case "linebreak":
        collector.append("\n", style: style)
      case "strong":
        collect(under: node, style: style.union(.bold), into: &collector)
      case "emph":
        collect(under: node, style: style.union(.italic), into: &collector)
      case "strikethrough":
        collect(under: node, style: style.union(.strikethrough), into: &collector)
      case "link", "image":
        collect(under: node, style: style.union(.link), into: &collector)
      case "footnote_reference":
        collector.append("[^" + string(cmark_node_get_literal(node)) + "]", style: style.union(.link))
      default:
        collect(under: node, style: style, into: &collector)
      }
      child = cmark_node_next(node)
    }
  }

  private func typeName(_ node: OpaquePointer) -> String {
    string(cmark_node_get_type_string(node))
  }

  private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}
