import CLibXML2

/// Reads an XML document with libxml2's SAX parser, telling a `MarkupStreamHandler` what it meets,
/// without building a tree: a long book's package lists thousands of files, and libxml2's tree of
/// them (made, walked and freed) cost three times the parse alone before its first page.
///
/// It reads as `MarkupParser.parseXML` does: recovering from errors (a well-formed document
/// reads as the strict parser reads it), no network, no DTD loading, and no entity substitution
/// or even look-up: the handler has no entity callbacks, so a reference to an entity the
/// document declares is dropped, as the tree's copy drops it, and nothing is ever loaded.
final class MarkupStreamReader {
  /// An element start: its local name and attributes as libxml2 has them, valid only during the
  /// call. Names compare as `MarkupParser`'s copy lower-cases them.
  struct Element {
    let name: UnsafePointer<xmlChar>?
    let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let attributeCount: Int

    /// Whether the element's local name is `name` (lower-case ASCII).
    func isNamed(_ name: StaticString) -> Bool {
      guard let own = self.name else { return false }
      return reader_xmlStrcasecmp()(own, name.utf8Start) == 0
    }

    /// The value of the attribute `name` (lower-case ASCII, without a prefix); the last of those
    /// that lower-case alike, as in the tree's copy.
    func attribute(_ name: StaticString) -> String? {
      var value: String?
      forEachAttribute { own, bytes in
        if Self.equalIgnoringCase(own, name) { value = String(decoding: bytes, as: UTF8.self) }
      }
      return value
    }

    /// Calls `body` with the name and value (UTF-8, valid only during the call) of each attribute
    /// without a prefix, in order.
    func forEachAttribute(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
      guard let attributes else { return }
      // Five pointers an attribute: local name, prefix, namespace, value start, value end.
      for index in 0..<attributeCount {
        let base = attributes + index * 5
        guard base[1] == nil, let local = base[0], let start = base[3], let end = base[4] else { continue }
        let name = UnsafeBufferPointer(start: local, count: Int(reader_xmlStrlen()(local)))
        let value = UnsafeBufferPointer(start: start, count: end - start)
        guard value.contains(UInt8(ascii: "&")) else {
          body(name, value)
          continue
        }
        Self.valueAsInTree(value).withUnsafeBufferPointer { body(name, $0) }
      }
    }

    /// An attribute's value as the tree has it. Without entity substitution libxml2 hands a `&`
    /// on as `&#38;` and a reference to a declared entity as written (`&name;`), which the tree
    /// makes an entity reference node that its copy drops; so do these.
    static func valueAsInTree(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
      var result: [UInt8] = []
      var index = 0
      while index < value.count {
        guard value[index] == UInt8(ascii: "&") else {
          result.append(value[index])
          index += 1
          continue
        }
        let end = value[index...].firstIndex(of: UInt8(ascii: ";")) ?? value.count - 1
        if value[index..<(end + 1)].elementsEqual("&#38;".utf8) { result.append(UInt8(ascii: "&")) }
        index = end + 1
      }
      return result
    }

    /// Whether `bytes` are `expected` (lower-case ASCII), ASCII case folded, as `xmlStrcasecmp`
    /// compares.
    static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
      guard bytes.count == expected.utf8CodeUnitCount else { return false }
      let wanted = UnsafeBufferPointer(start: expected.utf8Start, count: expected.utf8CodeUnitCount)
      for index in 0..<bytes.count {
        let byte = bytes[index]
        if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != wanted[index] { return false }
      }
      return true
    }
  }

  private let handler: MarkupStreamHandler
  private var depth = 0
  private var context: xmlParserCtxtPtr?
  private var stopped = false

  private init(handler: MarkupStreamHandler) {
    self.handler = handler
  }

  /// Reads `bytes` to their end, or until `handler` stops it.
  static func read(_ bytes: [UInt8], to handler: MarkupStreamHandler) {
    MarkupParser.setUp
    let reader = MarkupStreamReader(handler: handler)
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    // The document's own entity declarations are kept as the tree parser keeps them (an
    // internal entity is known, so the text and attributes around it read as in the tree), but
    // no external subset is read and nothing is substituted.
    sax.startDocument = reader_xmlSAX2StartDocument()
    sax.internalSubset = reader_xmlSAX2InternalSubset()
    sax.entityDecl = reader_xmlSAX2EntityDecl()
    sax.getEntity = reader_xmlSAX2GetEntity()
    sax.getParameterEntity = reader_xmlSAX2GetParameterEntity()
    sax.startElementNs = { context, name, _, _, _, _, count, _, attributes in
      guard let reader = MarkupStreamReader.reader(context) else { return }
      reader.depth += 1
      let element = Element(name: name, attributes: attributes, attributeCount: Int(count))
      if !reader.handler.start(element, depth: reader.depth) { reader.stop() }
    }
    sax.endElementNs = { context, _, _, _ in
      guard let reader = MarkupStreamReader.reader(context) else { return }
      let depth = reader.depth
      reader.depth -= 1
      if !reader.handler.end(depth: depth) { reader.stop() }
    }
    let text: charactersSAXFunc = { context, bytes, count in
      guard let reader = MarkupStreamReader.reader(context), let bytes, count > 0 else { return }
      reader.handler.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }
    sax.characters = text
    sax.ignorableWhitespace = text
    sax.cdataBlock = text
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue)
    let unmanaged = Unmanaged.passRetained(reader)
    defer { unmanaged.release() }
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chunk in
        // The callbacks get the parser's context (libxml2's own entity callbacks need it), the
        // reader in its `_private`.
        guard
          let context = reader_xmlCreatePushParserCtxt()(&sax, nil, chunk, Int32(clamping: buffer.count), nil)
        else { return }
        defer {
          if let document = context.pointee.myDoc { reader_xmlFreeDoc()(document) }
          reader_xmlFreeParserCtxt()(context)
        }
        reader_xmlCtxtUseOptions()(context, options)
        context.pointee._private = unmanaged.toOpaque()
        reader.context = context
        reader_xmlParseChunk()(context, nil, 0, 1)
        reader.context = nil
      }
    }
  }

  /// The reader of a callback's context; nil once stopped, and for the context libxml2 makes
  /// to check an entity's content the first time it is referenced (its text is not the
  /// document's, as in the tree it is not).
  private static func reader(_ context: UnsafeMutableRawPointer?) -> MarkupStreamReader? {
    guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let own = parser.pointee._private
    else { return nil }
    let reader = Unmanaged<MarkupStreamReader>.fromOpaque(own).takeUnretainedValue()
    return reader.stopped || reader.context != parser ? nil : reader
  }

  private func stop() {
    stopped = true
    if let context { reader_xmlStopParser()(context) }
  }
}
