/// A node of an XML or HTML tree copied out of libxml2: an element or a run of text.
public indirect enum MarkupNode: Sendable {
  case element(MarkupElement)
  case text(String)
}
