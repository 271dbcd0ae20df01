/// The laid-out document as plain text, for `--print` and for pipes: the screen's layout, no escapes.
///
/// Links are followed by a number in brackets (`Swift 官網[3]`) and the numbered destinations are
/// listed at the end under `References:`, as `w3m -dump` does (see `LinkReferences`).
public enum DocumentPrinter {
  /// Wraps at `width` columns; 0 means no wrapping.
  public static func print(_ document: Document, width: Int, into output: (String) -> Void) {
    forEachLine(of: document, width: width) { output(trimmed($0)) }
  }

  /// The laid-out lines that `print` writes, one after another, styles and decorations kept:
  /// the document's, then the numbered references.
  public static func forEachLine(of document: Document, width: Int, _ body: (LayoutLine) -> Void) {
    let (numbered, references) = LinkReferences.number(document)
    let wrapWidth = width == 0 ? Int.max / 4 : width
    // Block by block as `DocumentLayout` lays them out, the empty line of an empty block and
    // the blank after every block but the last included, without keeping any block's lines.
    let layouter = BlockLayouter(width: wrapWidth)
    let blocks = numbered.blocks
    for (index, block) in blocks.enumerated() {
      var last: LineKey?
      layouter.forEachLine(of: block) { line in
        body(line)
        last = line.key
      }
      if last == nil {
        last = LineKey(leaf: block.id, offset: 0)
        body(LayoutLine(spans: [], key: last!))
      }
      if index < blocks.count - 1, var key = last {
        key.offset = LineKey.separatorOffset
        body(LayoutLine(spans: [], key: key))
      }
    }
    guard !references.references.isEmpty else { return }
    let key = LineKey(leaf: Int.max, offset: 0)
    if !blocks.isEmpty { body(LayoutLine(spans: [], key: key)) }
    body(LayoutLine(spans: [StyledText("References:")], key: key))
    let breaker = LineBreaker(width: wrapWidth)
    for (number, destination) in references.references {
      let marker = "[\(number)] "
      let pad = String(repeating: " ", count: DisplayWidth.of(marker))
      let lines = breaker.wrap(
        [InlineRun(destination)], leaf: 0, firstPrefix: [StyledText(marker)], restPrefix: [StyledText(pad)])
      for line in lines { body(line) }
    }
  }

  private static func trimmed(_ line: LayoutLine) -> String {
    var text = line.text
    while text.hasSuffix(" ") { text.removeLast() }
    return text + "\n"
  }

  /// The whole printout as one string.
  public static func text(of document: Document, width: Int) -> String {
    var result = ""
    print(document, width: width) { result += $0 }
    return result
  }
}
