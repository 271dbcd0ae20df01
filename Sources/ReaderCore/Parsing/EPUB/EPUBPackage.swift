/// What a book's package document (the OPF) says: title, author, the files it holds, the
/// reading order (spine) and where its table of contents is.
struct EPUBPackage {
  /// One file the manifest lists, its path resolved to a zip entry name.
  struct Item {
    var id: String
    var path: String
    var mediaType: String
    var properties: [String]

    var isDocument: Bool {
      mediaType == "application/xhtml+xml" || mediaType == "text/html" || mediaType.isEmpty
        || path.lowercased().hasSuffix(".xhtml") || path.lowercased().hasSuffix(".html")
        || path.lowercased().hasSuffix(".htm")
    }
  }

  var path: String
  var title: String?
  var author: String?
  /// The book's language tag (`zh-Hant`), lower-cased.
  var language: String?
  var manifest: [String: Item]
  /// The spine's documents in reading order.
  var spine: [Item]
  /// The EPUB 3 navigation document, if the manifest marks one.
  var navigation: Item?
  /// The EPUB 2 NCX table of contents, if the spine names one (or the manifest has one).
  var ncx: Item?

  /// Reads `META-INF/container.xml` for the package's path (any `.opf` file when it names none)
  /// and parses that package.
  static func read(from archive: ZipArchive) throws(EPUBError) -> EPUBPackage {
    var path: String?
    if let bytes = try? archive.read("META-INF/container.xml"), let container = MarkupParser.parseXML(bytes) {
      path = container.all("rootfile").lazy.compactMap { $0.attributes["full-path"] }
        .first { archive.contains($0) }
    }
    if path == nil { path = archive.names.first { $0.lowercased().hasSuffix(".opf") } }
    guard let path else { throw .missingPackage }
    let bytes: [UInt8]
    do { bytes = try archive.read(path) } catch { throw .archive(error) }
    guard let root = MarkupParser.parseXML(bytes), let spineElement = root.first("spine") else {
      throw .invalidPackage(path)
    }
    var manifest: [String: Item] = [:]
    for item in root.first("manifest")?.elements ?? [] where item.name == "item" {
      guard let id = item.attributes["id"], let href = item.attributes["href"],
        let resolved = EPUBPath.resolve(href, from: path)
      else { continue }
      manifest[id] = Item(
        id: id, path: resolved.path, mediaType: item.attributes["media-type"]?.lowercased() ?? "",
        properties: (item.attributes["properties"] ?? "").split(separator: " ").map(String.init))
    }
    let spine = spineElement.elements.filter { $0.name == "itemref" }.compactMap {
      $0.attributes["idref"].flatMap { manifest[$0] }
    }
    let metadata = root.first("metadata")
    let ncx =
      spineElement.attributes["toc"].flatMap { manifest[$0] }
      ?? manifest.values.filter { $0.mediaType == "application/x-dtbncx+xml" }.min { $0.path < $1.path }
    return EPUBPackage(
      path: path, title: metadata?.first("title")?.text.nonEmpty,
      author: metadata?.first("creator")?.text.nonEmpty,
      language: metadata?.first("language")?.text.lowercased().nonEmpty,
      manifest: manifest, spine: spine,
      navigation: manifest.values.filter { $0.properties.contains("nav") }.min { $0.path < $1.path },
      ncx: ncx)
  }
}

extension String {
  /// The string, or nil when it is empty.
  var nonEmpty: String? { isEmpty ? nil : self }
}
