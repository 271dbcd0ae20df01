import CLibXML2

/// Parses XML and HTML with libxml2 and copies the tree out as `MarkupElement`s.
///
/// Nothing is ever fetched: no network (`NONET`), no DTD loading and no entity substitution
/// (neither `DTDLOAD` nor `NOENT` is set), and the external entity loader refuses every URL, so
/// a book cannot make the reader open a local file or a URL. Entity references that libxml2
/// leaves in the tree are dropped. libxml2's own limits on depth and entity growth stay on (no
/// `HUGE`).
public enum MarkupParser {
  /// Parses a well-formed XML document (container.xml, toc.ncx); a document that is not
  /// well-formed is parsed again in libxml2's recovering mode. Nil if nothing came of it. (The
  /// package is read with `MarkupStreamReader`, no tree made.)
  public static func parseXML(_ bytes: [UInt8]) -> MarkupElement? {
    setUp
    let strict = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    for options in [strict, strict | Int32(XML_PARSE_RECOVER.rawValue)] {
      let document = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            reader_xmlReadMemory()($0, Int32(clamping: buffer.count), nil, nil, options)
          }
        } ?? nil
      }
      if let document {
        defer { reader_xmlFreeDoc()(document) }
        if let root = reader_xmlDocGetRootElement()(document), root.pointee.type == XML_ELEMENT_NODE {
          return copy(root)
        }
      }
    }
    return nil
  }

  /// Parses (X)HTML with libxml2's recovering HTML parser, which reads any bytes: tags left open,
  /// stray `<` and undefined entities all give a tree. The encoding is the one the document
  /// declares (XML declaration or `charset=`), else UTF-8. Nil only for an empty result.
  public static func parseHTML(_ bytes: [UInt8]) -> MarkupElement? {
    setUp
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NODEFDTD.rawValue)
    var encodings = ["UTF-8"]
    if let declared = declaredEncoding(bytes), declared.uppercased() != "UTF-8" {
      encodings.insert(declared, at: 0)
    }
    for encoding in encodings {
      let document = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            reader_htmlReadMemory()($0, Int32(clamping: buffer.count), nil, encoding, options)
          }
        } ?? nil
      }
      if let document {
        defer { reader_xmlFreeDoc()(document) }
        if let root = reader_xmlDocGetRootElement()(document), let element = copy(root) { return element }
        return nil
      }
    }
    return nil
  }

  /// The encoding named in the first kilobyte, by an XML declaration or a `charset=`.
  ///
  /// Looked for in the bytes, ASCII case folded: every chapter of a book is asked.
  static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    let head = bytes.prefix(1024).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    for marker in ["encoding=", "charset="] {
      let pattern = Array(marker.utf8)
      guard head.count >= pattern.count,
        let start = (0...(head.count - pattern.count)).first(where: {
          head[$0..<$0 + pattern.count].elementsEqual(pattern)
        })
      else { continue }
      let rest = head[(start + pattern.count)...].drop {
        $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: " ")
      }
      let name = rest.prefix {
        (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-")
          || $0 == UInt8(ascii: "_")
      }
      if !name.isEmpty && name.count < 40 { return String(decoding: name, as: UTF8.self) }
    }
    return nil
  }

  /// Whether libxml2, opened the first time markup is read, loads.
  static var libraryLoads: Bool { reader_xml_library() != nil }

  static let setUp: Void = {
    reader_xmlInitParser()()
    reader_xmlSetExternalEntityLoader()({ _, _, _ in nil })
  }()

  /// Copies the element `root` and everything under it, without recursion (libxml2 allows
  /// hundreds of levels; the copy is built bottom-up from an explicit stack).
  static func copy(_ root: xmlNodePtr) -> MarkupElement? {
    guard root.pointee.type == XML_ELEMENT_NODE else { return nil }
    var stack: [(node: xmlNodePtr, element: MarkupElement, next: xmlNodePtr?)] = [
      (root, element(root), root.pointee.children)
    ]
    while !stack.isEmpty {
      let top = stack.count - 1
      guard let child = stack[top].next else {
        let done = stack.removeLast().element
        if stack.isEmpty { return done }
        stack[stack.count - 1].element.children.append(.element(done))
        continue
      }
      stack[top].next = child.pointee.next
      switch child.pointee.type {
      case XML_ELEMENT_NODE:
        stack.append((child, element(child), child.pointee.children))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = child.pointee.content {
          stack[top].element.children.append(.text(String(cString: content)))
        }
      default:
        break
      }
    }
    return nil
  }

  private static func element(_ node: xmlNodePtr) -> MarkupElement {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      attributes[qualifiedName(current.pointee.name, namespace: current.pointee.ns)] = value(of: current)
      attribute = current.pointee.next
    }
    let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    return MarkupElement(name: name, attributes: attributes)
  }

  /// An attribute's value: the text of its children, joined.
  static func value(of attribute: xmlAttrPtr) -> String {
    var value = ""
    var child = attribute.pointee.children
    while let text = child {
      if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
        value += String(cString: content)
      }
      child = text.pointee.next
    }
    return value
  }

  private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, namespace: xmlNsPtr?) -> String {
    let local = name.map { String(cString: $0) } ?? ""
    guard let prefix = namespace?.pointee.prefix else { return local.lowercased() }
    return (String(cString: prefix) + ":" + local).lowercased()
  }
}
