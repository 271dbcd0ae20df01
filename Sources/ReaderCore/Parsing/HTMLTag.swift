/// One inline HTML tag as cmark-gfm hands it over (an opening and a closing tag are separate
/// nodes): its name, whether it closes, and the attributes the reader uses.
struct HTMLTag: Equatable {
  enum Kind: Equatable { case opening, closing, selfClosing, comment, other }

  var kind: Kind
  /// Lowercased, `sup` for `<sup>` and `</SUP>`; empty for comments and declarations.
  var name: String
  var href: String?
  var source: String?
  var alt: String?

  /// The tag in `literal`. cmark has already decided that the literal is one tag; only the name is
  /// read here, and the attributes of `<a>` and `<img>` come from libxml2's HTML parser.
  init(_ literal: String) {
    kind = .other
    name = ""
    if literal.hasPrefix("<!--") {
      kind = .comment
      return
    }
    var scalars = Substring(literal).unicodeScalars.dropFirst()
    if scalars.first == "/" {
      kind = .closing
      scalars = scalars.dropFirst()
    }
    let nameScalars = scalars.prefix {
      ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0)
    }
    guard !nameScalars.isEmpty else { return }
    name = String(String.UnicodeScalarView(nameScalars)).lowercased()
    if kind == .closing { return }
    kind = literal.hasSuffix("/>") || HTMLText.voidElements.contains(name) ? .selfClosing : .opening
    if name == "a" || name == "img" {
      let attributes = HTMLText.attributes(ofTag: literal, names: ["href", "src", "alt"])
      href = attributes["href"]
      source = attributes["src"]
      alt = attributes["alt"]
    }
  }
}
