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
    return parts.joined().split { $0.isWhitespace && $0 != "\u{3000}" && $0 != "\u{00A0}" }
      .joined(separator: " ")
  }
}
