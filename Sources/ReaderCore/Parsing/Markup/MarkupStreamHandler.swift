/// What `MarkupStreamReader` tells as it reads an XML document: element starts and ends, with
/// their depth (the root is at 1), and text. Either of the first two stops the reading by
/// answering false.
protocol MarkupStreamHandler: AnyObject {
  func start(_ element: MarkupStreamReader.Element, depth: Int) -> Bool
  func end(depth: Int) -> Bool
  /// Text (or a CDATA section's) of the innermost open element, in pieces, as UTF-8 valid only
  /// during the call: most text of a package is the white space between its items, not read.
  func text(_ bytes: UnsafeBufferPointer<UInt8>)
}
