/// An element of a parsed XML or HTML tree; names are lower-cased, prefixed names keep their
/// prefix (`epub:type`), so XML and HTML parses of one document look alike.
public struct MarkupElement: Sendable {
  public var name: String
  public var attributes: [String: String]
  public var children: [MarkupNode]

  public init(name: String, attributes: [String: String] = [:], children: [MarkupNode] = []) {
    self.name = name
    self.attributes = attributes
    self.children = children
  }

  /// The element children, in order.
  public var elements: [MarkupElement] {
    children.compactMap {
      if case .element(let element) = $0 { return element }
      return nil
    }
  }

  /// The first element child named `name`.
  public func child(_ name: String) -> MarkupElement? {
    elements.first { $0.name == name }
  }

  /// The first element named `name` in a pre-order walk under (and including) this one.
  public func first(_ name: String) -> MarkupElement? {
    first { $0.name == name }
  }

  /// The first element in a pre-order walk under (and including) this one that `matches`.
  public func first(where matches: (MarkupElement) -> Bool) -> MarkupElement? {
    var pending = [self]
    while let element = pending.popLast() {
      if matches(element) { return element }
      pending += element.elements.reversed()
    }
    return nil
  }

  /// Every element named `name` under (and including) this one, in document order.
  public func all(_ name: String) -> [MarkupElement] {
    var found: [MarkupElement] = []
    var pending = [self]
    while let element = pending.popLast() {
      if element.name == name { found.append(element) }
      pending += element.elements.reversed()
    }
    return found
  }

  /// Whether `value` is white space to collapse: Unicode's White_Space characters but for the
  /// ideographic space and the no-break space.
  static func collapsedSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return true
    default: return false
    }
  }

  /// The text under this element, joined, with runs of white space made one space (the
  /// ideographic space and the no-break space are text, not white space to collapse).
  public var text: String {
    var parts: [String] = []
    var pending: [MarkupNode] = [.element(self)]
    while let node = pending.popLast() {
      switch node {
      case .text(let text): parts.append(text)
      case .element(let element): pending += element.children.reversed()
      }
    }
    // On scalars against the White_Space list, not through Unicode property look-ups: a table
    // of contents has thousands of labels, read before the first page is shown.
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in parts.joined().unicodeScalars {
      if Self.collapsedSpace(scalar.value) {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(scalar)
      }
    }
    return String(result)
  }
}
