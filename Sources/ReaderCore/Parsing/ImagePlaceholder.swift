/// The text that stands for an image, which a terminal cannot show: `[圖: alt]` or `[image: x.webp]`.
///
/// The word is 圖 when the document is Chinese (a Han character in its first 4 KB, so that parsing
/// chunk by chunk decides as parsing it whole does) or the alt text holds a Han character, and
/// `image` otherwise; the name is the alt text, or else the file name of the source.
enum ImagePlaceholder {
  static func opening(chinese: Bool) -> String { chinese ? "[圖: " : "[image: " }

  static let closing = "]"

  /// The last path component of `source`, without a query or fragment (`a/b/x.webp?v=2` → `x.webp`).
  static func fileName(of source: String) -> String {
    var path = Substring(source)
    if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
    while path.hasSuffix("/") { path = path.dropLast() }
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    return VisibleText.singleLine(name.isEmpty ? source : name)
  }

  /// Whether `text` holds a character that makes the placeholder Chinese.
  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value)
    }
  }

  /// Whether the document whose source starts with `bytes` is Chinese.
  static func isChinese(source bytes: UnsafeRawBufferPointer) -> Bool {
    isChinese(String(decoding: UnsafeRawBufferPointer(rebasing: bytes.prefix(4096)), as: UTF8.self))
  }

  /// The whole placeholder for an image with `alt` text (possibly empty) and `source`.
  static func text(alt: String, source: String, chinese: Bool) -> String {
    let name = alt.trimmingWhitespace().isEmpty ? fileName(of: source) : VisibleText.singleLine(alt)
    return opening(chinese: chinese) + name + closing
  }
}
