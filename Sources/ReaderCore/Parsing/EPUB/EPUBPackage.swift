/// What a book's package document (the OPF) says: title, author, the files it holds, the
/// reading order (spine) and where its table of contents is.
struct EPUBPackage {
  /// One file the manifest lists, its path resolved to a zip entry name.
  struct Item: Equatable {
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
  /// The spine's documents in reading order: all of them, or the first ones when the package
  /// was read with a `spineLimit` (`isWholeSpine` then says whether that was all).
  var spine: [Item]
  var isWholeSpine: Bool
  /// The EPUB 3 navigation document, if the manifest marks one.
  var navigation: Item?
  /// The EPUB 2 NCX table of contents, if the spine names one (or the manifest has one).
  var ncx: Item?

  /// Reads `META-INF/container.xml` for the package's path (any `.opf` file when it names none)
  /// and parses that package. With `spineLimit`, only the first that many spine references are
  /// looked up: the package is read with libxml2's SAX parser (`EPUBPackageCollector`), no tree
  /// made, up to the spine's reference past the limit, and only the manifest items those name
  /// (and the table of contents) are made `Item`s, so a long book's thousands of others cost
  /// little before its first page. The spine then read is the start of the whole one.
  /// `shortcuts` false reads even a long package's start by parsing it whole (tests compare).
  static func read(from archive: ZipArchive, spineLimit: Int = .max, shortcuts: Bool = true) throws(EPUBError)
    -> EPUBPackage
  {
    var path: String?
    if let bytes = try? archive.read("META-INF/container.xml"), let container = MarkupParser.parseXML(bytes) {
      path = container.all("rootfile").lazy.compactMap { $0.attributes["full-path"] }
        .first { archive.contains($0) }
    }
    if path == nil { path = archive.names.first { $0.lowercased().hasSuffix(".opf") } }
    guard let path else { throw .missingPackage }
    let bytes: [UInt8]
    do { bytes = try archive.read(path) } catch { throw .archive(error) }
    let collector: EPUBPackageCollector
    let shortcut = shortcuts ? EPUBPackageShortcut.collect(bytes, spineLimit: spineLimit) : nil
    if let shortcut {
      collector = shortcut
    } else {
      collector = EPUBPackageCollector(spineLimit: spineLimit)
      MarkupStreamReader.read(bytes, to: collector)
    }
    guard var package = read(collector, path: path) else { throw .invalidPackage(path) }
    package.isShortcut = shortcut != nil
    return package
  }

  /// Whether this was read by `EPUBPackageShortcut`: the whole package read later is to agree.
  var isShortcut = false

  /// Whether `whole`, this package read whole, begins as this one does: the same metadata, the
  /// same first spine items and table of contents.
  func agrees(with whole: EPUBPackage) -> Bool {
    title == whole.title && author == whole.author && language == whole.language
      && spine == Array(whole.spine.prefix(spine.count)) && navigation == whole.navigation && ncx == whole.ncx
  }

  private static func read(_ collected: EPUBPackageCollector, path: String) -> EPUBPackage? {
    guard collected.hasSpine else { return nil }
    let spineLimit = collected.spineLimit
    let wanted = readingOrder(
      collected.references, marked: collected.isAuxiliary, isWhole: collected.isWholeSpine)
    let toc = collected.toc
    let wantedIDs = Set(wanted)
    var manifest: [String: Item] = [:]
    var navigation: [Item] = []
    var ncxItems: [Item] = []
    for item in collected.items {
      guard let id = collected.text(item.id) else { continue }
      // Most items have no properties and are no NCX: their texts are made only when wanted.
      let properties = (collected.text(item.properties) ?? "").split(separator: " ").map(String.init)
      let isNavigation = properties.contains("nav")
      let isNCX = collected.span(item.mediaType, equalsIgnoringCase: "application/x-dtbncx+xml")
      // A later item of the same id replaces an earlier one, as in a dictionary of them all.
      guard
        spineLimit == .max || wantedIDs.contains(id) || id == toc || isNavigation || isNCX
          || manifest[id] != nil
      else {
        continue
      }
      guard let href = collected.text(item.href), let resolved = EPUBPath.resolve(href, from: path) else {
        continue
      }
      let mediaType = collected.text(item.mediaType)?.lowercased() ?? ""
      let made = Item(id: id, path: resolved.path, mediaType: mediaType, properties: properties)
      manifest[id] = made
      if isNavigation { navigation.append(made) }
      if isNCX { ncxItems.append(made) }
    }
    // Items replaced by a later one of the same id are not the manifest's.
    let listed = { (item: Item) in manifest[item.id] == item }
    let collapsed = { (text: String?) in
      text.flatMap { MarkupElement(name: "", children: [.text($0)]).text.nonEmpty }
    }
    return EPUBPackage(
      path: path, title: collapsed(collected.title), author: collapsed(collected.creator),
      language: collapsed(collected.language)?.lowercased(),
      spine: wanted.compactMap { manifest[$0] }, isWholeSpine: collected.isWholeSpine,
      navigation: navigation.filter(listed).min { $0.path < $1.path },
      ncx: toc.flatMap { manifest[$0] } ?? ncxItems.filter(listed).min { $0.path < $1.path })
  }

  /// The spine's references in reading order: those marked `linear="no"` (notes, a cover, an
  /// answer key) after all the others, where links and the table of contents still reach them but
  /// they do not interrupt the text, as reading systems keep them out of the page turns; as
  /// written when every one is marked. A spine read only to its first references leaves its
  /// marked ones for the end of the whole one, so that it is still the start of it.
  private static func readingOrder(_ references: [String], marked: [Bool], isWhole: Bool) -> [String] {
    let pairs = zip(references, marked)
    let linear = pairs.filter { !$0.1 }.map { $0.0 }
    guard !linear.isEmpty else { return references }
    return isWhole ? linear + pairs.filter { $0.1 }.map { $0.0 } : linear
  }
}

extension String {
  /// The string, or nil when it is empty.
  var nonEmpty: String? { isEmpty ? nil : self }
}
