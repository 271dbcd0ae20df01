/// A book's own table of contents, from the EPUB 3 navigation document or the EPUB 2 NCX,
/// flattened in order with each entry's depth.
struct EPUBTableOfContents {
  /// One entry: its depth (1 at the top), label and target (entry name and fragment).
  struct Entry: Equatable {
    var level: Int
    var title: String
    var path: String
    var fragment: String?
  }

  var entries: [Entry]

  /// The `toc` nav of an EPUB 3 navigation document (the first nav when none says `toc`).
  static func navigation(_ bytes: [UInt8], path: String) -> EPUBTableOfContents {
    guard let root = MarkupParser.parseHTML(bytes) else { return EPUBTableOfContents(entries: []) }
    let navs = root.all("nav")
    let toc =
      navs.first { ($0.attributes["epub:type"] ?? $0.attributes["type"] ?? "").contains("toc") } ?? navs.first
    guard let list = toc?.first("ol") ?? toc?.first("ul") else { return EPUBTableOfContents(entries: []) }
    var entries: [Entry] = []
    var pending: [(MarkupElement, Int)] = list.elements.filter { $0.name == "li" }.reversed().map { ($0, 1) }
    while let (item, level) = pending.popLast() {
      let link = item.child("a") ?? item.first("a")
      let label = (link ?? item.child("span"))?.text ?? ""
      if let href = link?.attributes["href"], let target = EPUBPath.resolve(href, from: path), !label.isEmpty
      {
        entries.append(Entry(level: level, title: label, path: target.path, fragment: target.fragment))
      }
      let nested = item.child("ol") ?? item.child("ul")
      pending += (nested?.elements ?? []).filter { $0.name == "li" }.reversed().map { ($0, level + 1) }
    }
    return EPUBTableOfContents(entries: entries)
  }

  /// The `navMap` of an EPUB 2 NCX file.
  static func ncx(_ bytes: [UInt8], path: String) -> EPUBTableOfContents {
    guard let map = MarkupParser.parseXML(bytes)?.first("navmap") else {
      return EPUBTableOfContents(entries: [])
    }
    var entries: [Entry] = []
    var pending: [(MarkupElement, Int)] = map.elements.filter { $0.name == "navpoint" }.reversed().map {
      ($0, 1)
    }
    while let (point, level) = pending.popLast() {
      let label = point.child("navlabel")?.text ?? ""
      if let source = point.child("content")?.attributes["src"],
        let target = EPUBPath.resolve(source, from: path),
        !label.isEmpty
      {
        entries.append(Entry(level: level, title: label, path: target.path, fragment: target.fragment))
      }
      pending += point.elements.filter { $0.name == "navpoint" }.reversed().map { ($0, level + 1) }
    }
    return EPUBTableOfContents(entries: entries)
  }
}
