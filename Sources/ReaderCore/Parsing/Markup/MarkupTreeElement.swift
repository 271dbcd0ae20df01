import CLibXML2

/// An element of a libxml2 tree read where it is, without copying the tree out: a long book's
/// package lists thousands of files, and copying them all as `MarkupElement`s would come before
/// its first page. Names and attributes read as `MarkupParser` copies them (lower-cased, a
/// prefixed attribute keeping its prefix), so a walk here finds what one over the copy finds.
/// Valid only inside `MarkupParser.withXMLTree`.
struct MarkupTreeElement {
  let node: xmlNodePtr

  /// Whether the element is named `name` (lower-case ASCII).
  func isNamed(_ name: String) -> Bool {
    Self.equalIgnoringCase(node.pointee.name, name)
  }

  /// Compared in C, not as lower-cased Swift strings: a package's thousands of items are asked.
  private static func equalIgnoringCase(_ own: UnsafePointer<xmlChar>?, _ name: String) -> Bool {
    guard let own else { return name.isEmpty }
    return name.withCString {
      xmlStrcasecmp(own, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) == 0
    }
  }

  /// The element children, in order.
  var elements: [MarkupTreeElement] {
    var found: [MarkupTreeElement] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { found.append(MarkupTreeElement(node: current)) }
      child = current.pointee.next
    }
    return found
  }

  /// The first element named `name` in a pre-order walk under (and including) this one, as
  /// `MarkupElement.first` finds it.
  func first(_ name: String) -> MarkupTreeElement? {
    var pending = [self]
    while let element = pending.popLast() {
      if element.isNamed(name) { return element }
      pending += element.elements.reversed()
    }
    return nil
  }

  /// The value of the attribute `name` (lower-case ASCII, without a prefix); the last of those
  /// that lower-case alike, as in the copy's dictionary.
  func attribute(_ name: String) -> String? {
    var value: String?
    var attribute = node.pointee.properties
    while let current = attribute {
      if current.pointee.ns?.pointee.prefix == nil && Self.equalIgnoringCase(current.pointee.name, name) {
        value = MarkupParser.value(of: current)
      }
      attribute = current.pointee.next
    }
    return value
  }

  /// The element and everything under it, copied out.
  var copied: MarkupElement? { MarkupParser.copy(node) }
}
