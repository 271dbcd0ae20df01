/// The laid-out document as plain text, for `--print` and for pipes: the screen's layout, no escapes.
public enum DocumentPrinter {
  /// Wraps at `width` columns; 0 means no wrapping.
  public static func print(_ document: Document, width: Int, into output: (String) -> Void) {
    let layout = DocumentLayout(document: document, width: width == 0 ? Int.max / 4 : width)
    for block in 0..<layout.blockCount {
      for line in layout.lines(ofBlock: block) {
        var text = line.text
        while text.hasSuffix(" ") { text.removeLast() }
        output(text + "\n")
      }
    }
  }

  /// The whole printout as one string.
  public static func text(of document: Document, width: Int) -> String {
    var result = ""
    print(document, width: width) { result += $0 }
    return result
  }
}
