import CLibXML2

/// HTML in a Markdown document turned into the text a browser would show, read with libxml2's
/// HTML parser: tags and comments disappear, `<a href>` becomes link text, `<img alt>` an image
/// placeholder, `<br>` and block elements line breaks, `<sup>`/`<sub>` a `^`/`_` before their text.
enum HTMLText {
  /// Elements that never have content.
  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
  ]

  /// Elements that start and end a line of their own.
  static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
  ]

  /// Elements whose content is not text to read.
  static let hiddenElements: Set<String> = ["script", "style", "template", "head", "title", "noscript"]

  /// The style an inline element gives its text.
  static func style(of element: String) -> TextStyle {
    switch element {
    case "b", "strong": return .bold
    case "i", "em", "cite", "var": return .italic
    case "code", "kbd", "samp", "tt": return .code
    case "del", "s", "strike": return .strikethrough
    case "u", "ins": return .underline
    case "mark": return .highlight
    default: return []
    }
  }

  /// What goes before the text of `<sup>` and `<sub>`, so 2<sup>n</sup> reads 2^n.
  static func marker(of element: String) -> String? {
    switch element {
    case "sup": return "^"
    case "sub": return "_"
    default: return nil
    }
  }

  private static let initialize: Void = { reader_xmlInitParser()() }()

  /// Parses `html` (UTF-8, errors recovered, nothing fetched) and lends the document to `body`.
  ///
  /// libxml2 drops the control characters that XML forbids; they are made visible first, so that
  /// they show as pictures (␛) like everywhere else rather than vanish.
  ///
  /// libxml2 stops reading at elements nested 256 deep and drops the rest; the result is then nil,
  /// so that the caller shows the source rather than lose its text; so too when libxml2 does not load.
  private static func withDocument<Result>(_ html: String, _ body: (xmlDocPtr) -> Result) -> Result? {
    guard MarkupParser.libraryLoads else { return nil }
    initialize
    var html = VisibleText.sanitize(html)
    return html.withUTF8 { bytes -> Result? in
      guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
      guard let context = reader_htmlNewParserCtxt()() else { return nil }
      defer { reader_htmlFreeParserCtxt()(context) }
      let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
      let document = reader_htmlCtxtReadMemory()(
        context, pointer, Int32(bytes.count), nil, "UTF-8", reader_html_options())
      guard let document else { return nil }
      defer { reader_xmlFreeDoc()(document) }
      // A parser that gave up (xmlHaltParser) has SAX disabled; an ordinary recovered one has not.
      guard context.pointee.disableSAX == 0 else { return nil }
      return body(document)
    }
  }

  /// The attributes `names` of the first element of a single tag such as `<a href="...">`.
  static func attributes(ofTag tag: String, names: [String]) -> [String: String] {
    withDocument(tag) { document -> [String: String] in
      guard let element = firstElement(under: reader_xmlDocGetRootElement()(document)) else { return [:] }
      var result: [String: String] = [:]
      for name in names {
        guard let value = reader_xmlGetProp()(element, name) else { continue }
        result[name] = String(cString: value)
        reader_xml_free(value)
      }
      return result
    } ?? [:]
  }

  /// The first element that is not one of the wrappers libxml2 adds (`html`, `body`, `p`).
  private static func firstElement(under root: xmlNodePtr?) -> xmlNodePtr? {
    var node = root
    while let current = node {
      let name = elementName(current)
      if current.pointee.type == XML_ELEMENT_NODE && !["html", "body", "p"].contains(name) { return current }
      node = current.pointee.children ?? current.pointee.next
    }
    return nil
  }

  private static func elementName(_ node: xmlNodePtr) -> String {
    guard let name = node.pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  /// The text of a block of HTML as styled runs; empty when it shows nothing (a comment, a lone
  /// `</details>`). The walk uses parent pointers, so deep nesting cannot overflow the stack.
  /// HTML that libxml2 cannot read whole is shown as written, dim, so no text is lost.
  static func runs(ofBlock html: String, chinese: Bool) -> [InlineRun] {
    guard let runs = readableRuns(ofBlock: html, chinese: chinese) else {
      var source = html
      while source.hasSuffix("\n") { source.removeLast() }
      return [InlineRun(VisibleText.sanitize(source), style: .dim)]
    }
    return runs
  }

  private static func readableRuns(ofBlock html: String, chinese: Bool) -> [InlineRun]? {
    withDocument(html) { document -> [InlineRun] in
      var writer = Writer(chinese: chinese)
      guard let root = reader_xmlDocGetRootElement()(document) else { return [] }
      var node: xmlNodePtr? = root
      while let current = node {
        let descend = writer.enter(current)
        if descend, let child = current.pointee.children {
          node = child
          continue
        }
        var climbing: xmlNodePtr? = current
        node = nil
        while let leaving = climbing {
          writer.leave(leaving)
          if leaving == root { break }
          if let next = leaving.pointee.next {
            node = next
            break
          }
          climbing = leaving.pointee.parent
        }
      }
      return writer.finish()
    }
  }

  /// Collects the text of a walk over the tree.
  private struct Writer {
    let chinese: Bool
    var collector = InlineCollector()
    var frames: [(style: TextStyle, target: InlineTarget?)] = [([], nil)]
    var hiddenDepth = 0
    var wroteText = false
    var lineBreakPending = false
    var lastScalar: Unicode.Scalar?

    init(chinese: Bool) { self.chinese = chinese }

    /// Handles the start of a node; returns whether its children are to be walked.
    mutating func enter(_ node: xmlNodePtr) -> Bool {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if hiddenDepth == 0, let content = node.pointee.content { text(String(cString: content)) }
        return false
      case XML_ELEMENT_NODE:
        break
      default:
        return false
      }
      let name = HTMLText.elementName(node)
      var frame = frames[frames.count - 1]
      if HTMLText.hiddenElements.contains(name) { hiddenDepth += 1 }
      if HTMLText.blockElements.contains(name) { breakLine() }
      frame.style.formUnion(HTMLText.style(of: name))
      switch name {
      case "br":
        write("\n", style: frame.style, target: frame.target)
      case "a":
        if let href = property("href", of: node) {
          frame.target = .link(VisibleText.singleLine(href))
          frame.style.insert(.link)
        }
      case "img":
        let alt = property("alt", of: node) ?? ""
        let source = property("src", of: node) ?? ""
        write(
          ImagePlaceholder.text(
            alt: alt, source: source, chinese: chinese || ImagePlaceholder.isChinese(alt)),
          style: frame.style.union(.image), target: frame.target)
      default:
        if let marker = HTMLText.marker(of: name) { write(marker, style: frame.style, target: frame.target) }
      }
      frames.append(frame)
      return true
    }

    mutating func leave(_ node: xmlNodePtr) {
      guard node.pointee.type == XML_ELEMENT_NODE else { return }
      let name = HTMLText.elementName(node)
      if frames.count > 1 { frames.removeLast() }
      if HTMLText.hiddenElements.contains(name) { hiddenDepth = max(0, hiddenDepth - 1) }
      if HTMLText.blockElements.contains(name) { breakLine() }
    }

    private func property(_ name: String, of node: xmlNodePtr) -> String? {
      guard let value = reader_xmlGetProp()(node, name) else { return nil }
      defer { reader_xml_free(value) }
      return String(cString: value)
    }

    private mutating func breakLine() {
      if wroteText { lineBreakPending = true }
    }

    /// Source text with its white space collapsed as a browser does (none at the start of a line,
    /// none where a line break fell between two CJK characters).
    private mutating func text(_ raw: String) {
      var result = String.UnicodeScalarView()
      var pendingSpace = false
      var spaceHadNewline = false
      for scalar in raw.unicodeScalars {
        if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
          pendingSpace = true
          if scalar == "\n" { spaceHadNewline = true }
          continue
        }
        if pendingSpace {
          let before = result.last ?? (lineBreakPending ? nil : lastScalar)
          let joins =
            spaceHadNewline && before.map { DisplayWidth.of($0, ambiguous: .narrow) == 2 } == true
            && DisplayWidth.of(scalar, ambiguous: .narrow) == 2
          if let before, before != "\n", !joins { result.append(" ") }
          pendingSpace = false
          spaceHadNewline = false
        }
        result.append(scalar)
      }
      if pendingSpace && !result.isEmpty { result.append(" ") }
      guard !result.isEmpty else { return }
      let frame = frames[frames.count - 1]
      write(String(result), style: frame.style, target: frame.target)
    }

    private mutating func write(_ text: String, style: TextStyle, target: InlineTarget?) {
      var text = text
      if lineBreakPending {
        lineBreakPending = false
        collector.append("\n", style: [])
        while text.hasPrefix(" ") { text.removeFirst() }
        if text.isEmpty { return }
      }
      wroteText = true
      lastScalar = text.unicodeScalars.last
      if text == "\n" {
        collector.append("\n", style: style, target: target)
      } else {
        collector.append(text, style: style, target: target)
      }
    }

    func finish() -> [InlineRun] {
      var runs = collector.finish()
      // Trailing white space at the end of the block shows nothing.
      while let last = runs.last, last.text.allSatisfy({ $0 == " " || $0 == "\n" }) { runs.removeLast() }
      if let last = runs.indices.last {
        while runs[last].text.hasSuffix(" ") || runs[last].text.hasSuffix("\n") {
          runs[last].text.removeLast()
        }
      }
      return runs
    }
  }
}
