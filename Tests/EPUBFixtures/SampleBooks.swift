/// Books built for tests: real EPUB 2 and 3 structure, Chinese novel chapters, and the broken
/// and hostile variants a reader meets.
///
/// The texts are the openings of 三國演義 (Luo Guanzhong, 14th century) and 西遊記 (Wu Cheng'en,
/// 16th century), both in the public domain; the wording of the sub-sections is the tests' own.
public enum SampleBooks {
  /// A chapter file: its entry name (under OEBPS/) and its XHTML.
  public struct Chapter {
    public var name: String
    public var bytes: [UInt8]

    public init(_ name: String, _ xhtml: String) {
      self.init(name, bytes: Array(xhtml.utf8))
    }

    public init(_ name: String, bytes: [UInt8]) {
      self.name = name
      self.bytes = bytes
    }
  }

  /// An XHTML 1.1 / HTML5-style chapter with `body` as given.
  public static func xhtml(title: String, body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh">
    <head><title>\(title)</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
    <body>
    \(body)
    </body>
    </html>
    """
  }

  /// A complete book: `mimetype` first and stored, the container, the package (EPUB 3 when
  /// `nav` is given, else EPUB 2 with `ncx`), and the chapters in spine order, those whose index
  /// is in `auxiliary` marked `linear="no"`.
  public static func book(
    title: String, author: String, language: String = "zh-Hant", chapters: [Chapter], nav: String? = nil,
    ncx: String? = nil, extraManifest: String = "", extraSpine: String = "", extra: [ZipWriter.Entry] = [],
    packagePath: String = "OEBPS/content.opf", container: String? = nil, omit: Set<String> = [],
    auxiliary: Set<Int> = []
  ) -> [UInt8] {
    var manifest = chapters.enumerated().map { index, chapter in
      "<item id=\"c\(index)\" href=\"\(chapter.name)\" media-type=\"application/xhtml+xml\"/>"
    }
    if nav != nil {
      manifest.append(
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>")
    }
    if ncx != nil {
      manifest.append("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>")
    }
    manifest.append("<item id=\"cover\" href=\"images/cover.png\" media-type=\"image/png\"/>")
    let spine =
      chapters.indices.map { "<itemref idref=\"c\($0)\"\(auxiliary.contains($0) ? " linear=\"no\"" : "")/>" }
      .joined() + extraSpine
    let opf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="\(nav == nil ? "2.0" : "3.0")" unique-identifier="id">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:identifier id="id">urn:uuid:0f3c2c2e-7f4b-4b53-9d2a-\(abs(title.hashValue) % 1_000_000_000_000)</dc:identifier>
          <dc:title>\(title)</dc:title>
          <dc:creator>\(author)</dc:creator>
          <dc:language>\(language)</dc:language>
        </metadata>
        <manifest>\(manifest.joined(separator: "\n"))\(extraManifest)</manifest>
        <spine\(ncx == nil ? "" : " toc=\"ncx\"")>\(spine)</spine>
      </package>
      """
    let containerXML =
      container ?? """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="\(packagePath)" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """
    var entries: [ZipWriter.Entry] = [
      ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
      ZipWriter.Entry("META-INF/container.xml", containerXML),
      ZipWriter.Entry(packagePath, opf),
    ]
    if let nav { entries.append(ZipWriter.Entry("OEBPS/nav.xhtml", nav)) }
    if let ncx { entries.append(ZipWriter.Entry("OEBPS/toc.ncx", ncx)) }
    entries += chapters.map { ZipWriter.Entry("OEBPS/" + $0.name, bytes: $0.bytes) }
    entries.append(
      ZipWriter.Entry("OEBPS/images/cover.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    entries += extra
    return ZipWriter.archive(entries.filter { !omit.contains($0.name) })
  }

  /// 三國演義, EPUB 3, Traditional: a nested nav, ruby, a table, links between chapters, an
  /// image, emphasis, a list, a quote, a line break and preformatted text.
  public static func threeKingdoms() -> [UInt8] {
    let chapter1 = xhtml(
      title: "第一回",
      body: """
        <section epub:type="chapter">
        <h1>第一回　宴桃園豪傑三結義</h1>
        <p>話說天下大勢，分久必合，合久必分。周末七國分爭，并入於秦。
        及秦滅之後，楚、漢分爭，又并入於漢。</p>
        <p><img src="images/cover.png" alt="桃園結義圖"/></p>
        <h2 id="s1">桃園</h2>
        <p>玄德見那人身長八尺，豹頭環眼，燕頷虎鬚，聲若<ruby>巨雷<rp>(</rp><rt>jù léi</rt><rp>)</rp></ruby>，
        勢如奔馬。<em>三人</em>焚香再拜而說誓曰：</p>
        <blockquote><p>念劉備、關羽、張飛，雖然異姓，既結為兄弟，則同心協力，救困扶危。</p></blockquote>
        <ul><li>劉備，字玄德</li><li>關羽，字雲長</li><li>張飛，字翼德</li></ul>
        <h2 id="s2">黃巾</h2>
        <p>時鉅鹿郡有兄弟三人：一名張角，一名張寶，一名張梁。<br/>那張角本是個不第秀才。</p>
        <pre>蒼天已死，黃天當立；
        歲在甲子，天下大吉。</pre>
        <p>三人的兵器見<a href="chapter2.xhtml#weapons">第二回的兵器表</a>；<strong>下回分解</strong>。</p>
        </section>
        """)
    let chapter2 = xhtml(
      title: "第二回",
      body: """
        <h1>第二回　張翼德怒鞭督郵</h1>
        <p>且說董卓字仲穎，隴西臨洮人也，官拜河東太守，自來驕傲。</p>
        <h2 id="weapons">三人的兵器</h2>
        <table>
        <thead><tr><th>人物</th><th>兵器</th></tr></thead>
        <tbody>
        <tr><td>劉備</td><td>雙股劍</td></tr>
        <tr><td>關羽</td><td>青龍偃月刀</td></tr>
        <tr><td>張飛</td><td>丈八蛇矛</td></tr>
        </tbody>
        </table>
        <p>回到<a href="chapter1.xhtml#s1">第一回的桃園</a>。</p>
        """)
    let nav = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>目錄</title></head>
      <body>
      <nav epub:type="landmarks"><ol><li><a href="chapter2.xhtml">不是目錄</a></li></ol></nav>
      <nav epub:type="toc" id="toc"><h1>目錄</h1>
      <ol>
        <li><a href="chapter1.xhtml">第一回　宴桃園豪傑三結義</a>
          <ol>
            <li><a href="chapter1.xhtml#s1">桃園結義</a></li>
            <li><a href="chapter1.xhtml#s2">黃巾之亂</a></li>
          </ol>
        </li>
        <li><a href="chapter2.xhtml">第二回　張翼德怒鞭督郵</a>
          <ol><li><a href="chapter2.xhtml#weapons">三人的兵器</a></li></ol>
        </li>
      </ol>
      </nav>
      </body>
      </html>
      """
    return book(
      title: "三國演義（節選）", author: "羅貫中",
      chapters: [Chapter("chapter1.xhtml", chapter1), Chapter("chapter2.xhtml", chapter2)], nav: nav)
  }

  /// 西游记, EPUB 2, Simplified, with a nested NCX table of contents.
  public static func journeyToTheWest() -> [UInt8] {
    let chapter1 = xhtml(
      title: "第一回",
      body: """
        <h2 class="chapter">第一回　灵根育孕源流出　心性修持大道生</h2>
        <p>诗曰：混沌未分天地乱，茫茫渺渺无人见。</p>
        <h3 id="huaguo">花果山</h3>
        <p>海外有一国土，名曰傲来国。国近大海，海中有一座名山，唤为花果山。</p>
        <p>那座山正当顶上，有一块仙石。盖自开辟以来，每受天真地秀，日精月华，感之既久，遂有灵通之意。</p>
        <h3 id="shihou">石猴出世</h3>
        <p>一日迸裂，产一石卵，似圆球样大。因见风，化作一个石猴，五官俱备，四肢皆全。</p>
        """)
    let chapter2 = xhtml(
      title: "第二回",
      body: """
        <h2>第二回　悟彻菩提真妙理　断魔归本合元神</h2>
        <p>话表美猴王得了姓名，怡然踊跃，对菩提前作礼启谢。</p>
        """)
    let ncx = """
      <?xml version="1.0" encoding="UTF-8"?>
      <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
        <head><meta name="dtb:uid" content="xiyouji"/></head>
        <docTitle><text>西游记</text></docTitle>
        <navMap>
          <navPoint id="n1" playOrder="1"><navLabel><text>第一回　灵根育孕源流出</text></navLabel>
            <content src="text/chapter1.xhtml"/>
            <navPoint id="n1a" playOrder="2"><navLabel><text>花果山</text></navLabel>
              <content src="text/chapter1.xhtml#huaguo"/></navPoint>
            <navPoint id="n1b" playOrder="3"><navLabel><text>石猴出世</text></navLabel>
              <content src="text/chapter1.xhtml#shihou"/></navPoint>
          </navPoint>
          <navPoint id="n2" playOrder="4"><navLabel><text>第二回　悟彻菩提真妙理</text></navLabel>
            <content src="text/chapter2.xhtml"/></navPoint>
        </navMap>
      </ncx>
      """
    return book(
      title: "西游记（节选）", author: "吴承恩", language: "zh-Hans",
      chapters: [Chapter("text/chapter1.xhtml", chapter1), Chapter("text/chapter2.xhtml", chapter2)], ncx: ncx
    )
  }

  /// A long book, EPUB 3: `count` chapters of `paragraphs` numbered paragraphs each, a nav
  /// listing them, the first chapter linking to the last one's `#end`, and the last ending with
  /// 「全書完」 — enough top-level blocks that the viewer imports most of it in the background.
  /// `padding` bytes of a stored (uncompressed) image make the file that much larger.
  public static func manyChapters(count: Int = 40, paragraphs: Int = 20, padding: Int = 0) -> [UInt8] {
    let chapters = (1...count).map { number -> Chapter in
      var body = "<h1>第\(number)回</h1>\n"
      if number == 1 { body += "<p>直接跳到<a href=\"chapter\(count).xhtml#end\">最後一回的結尾</a>。</p>\n" }
      body += (1...paragraphs).map { "<p>第\(number)回第\($0)段：話說天下大勢，分久必合，合久必分。</p>" }
        .joined(separator: "\n")
      if number == count { body += "\n<p id=\"end\">全書完。</p>" }
      return Chapter("chapter\(number).xhtml", xhtml(title: "第\(number)回", body: body))
    }
    let entries = (1...count).map { "<li><a href=\"chapter\($0).xhtml\">第\($0)回</a></li>" }.joined()
    let nav = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>目錄</title></head>
      <body><nav epub:type="toc"><ol>\(entries)</ol></nav></body>
      </html>
      """
    let picture = ZipWriter.Entry(
      "OEBPS/images/plate.png",
      bytes: (0..<padding).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) },
      stored: true)
    return book(
      title: "長篇（\(count)回）", author: "測試", chapters: chapters, nav: nav, extra: padding > 0 ? [picture] : [])
  }

  /// Links inside a book, EPUB 2 with its chapters in `text/`: a footnote reference to a note at
  /// the end of the same chapter, links to another chapter's section and to its start (also
  /// through `../text/`), to a section that does not exist, to an image and to a web address.
  public static func annotated() -> [UInt8] {
    let filler = (1...12).map { "<p>第\($0)段：且說董卓字仲穎，隴西臨洮人也，官拜河東太守，自來驕傲。</p>" }
      .joined(separator: "\n")
    let chapter1 = xhtml(
      title: "第一章",
      body: """
        <h1>第一章　註與連結</h1>
        <p>董卓<a href="#note1" epub:type="noteref" id="ref1">[1]</a>進京。</p>
        <p>兵器見<a href="ch2.xhtml#sec3">第二章第三節</a>。</p>
        <p>全文見<a href="../text/ch2.xhtml">第二章</a>。</p>
        <p>這裡<a href="ch2.xhtml#nowhere">不存在</a>。</p>
        <p>看<a href="../images/map.png">地圖</a>或<a href="https://example.com/sanguo">網站</a>。</p>
        \(filler)
        <aside epub:type="footnote" id="note1"><p>註一：董卓，東漢末年權臣。<a href="#ref1">返回</a></p></aside>
        """)
    let chapter2 = xhtml(
      title: "第二章",
      body: """
        <h1>第二章　兵器</h1>
        \(filler)
        <h2 id="sec3">第三節　青龍偃月刀</h2>
        <p>關羽所用，重八十二斤。</p>
        \(filler)
        """)
    let ncx = """
      <?xml version="1.0" encoding="UTF-8"?>
      <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
        <navMap>
          <navPoint id="n1"><navLabel><text>第一章　註與連結</text></navLabel><content src="text/ch1.xhtml"/></navPoint>
          <navPoint id="n2"><navLabel><text>第二章　兵器</text></navLabel><content src="text/ch2.xhtml"/>
            <navPoint id="n3"><navLabel><text>第三節　青龍偃月刀</text></navLabel>
              <content src="text/ch2.xhtml#sec3"/></navPoint>
          </navPoint>
        </navMap>
      </ncx>
      """
    return book(
      title: "連結之書", author: "測試",
      chapters: [Chapter("text/ch1.xhtml", chapter1), Chapter("text/ch2.xhtml", chapter2)], ncx: ncx)
  }

  /// A book whose first chapter holds a faction summary as the bundled article writes one (a
  /// list of `<strong>NAME 派:</strong>` items) and whose chapters name both factions again.
  public static func factions() -> [UInt8] {
    let chapter1 = xhtml(
      title: "第一章",
      body: """
        <h1>第一章　兩派</h1>
        <p>OpenAI 內部兩種意識形態的鬥爭：</p>
        <ul>
        <li><strong>Sam Altman 派:</strong> 誕生於矽谷的技術樂觀主義，受到快速商業化的推動。</li>
        <li><strong>Ilya Sutskever 派:</strong> 深感恐懼，認為人工智慧對人類構成生存風險。</li>
        </ul>
        <p>Sam Altman 推動 ChatGPT 的發布。</p>
        """)
    let chapter2 = xhtml(
      title: "第二章",
      body: """
        <h1>第二章　董事會</h1>
        <p>Ilya Sutskever 與董事會站在一起，Sam Altman 被開除。</p>
        <p>數日後 Sam Altman 回到公司。</p>
        """)
    return book(
      title: "兩派之爭", author: "測試", language: "zh-Hant",
      chapters: [Chapter("ch1.xhtml", chapter1), Chapter("ch2.xhtml", chapter2)])
  }

  /// The 三國演義 chapters with `META-INF/encryption.xml` saying the first is AES-encrypted.
  public static func encrypted(algorithm: String = "http://www.w3.org/2001/04/xmlenc#aes128-cbc") -> [UInt8] {
    let encryption = """
      <?xml version="1.0" encoding="UTF-8"?>
      <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
        xmlns:enc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="\(algorithm)"/>
          <ds:KeyInfo><ds:RetrievalMethod URI="license.lcpl#/encryption/content_key"/></ds:KeyInfo>
          <enc:CipherData><enc:CipherReference URI="OEBPS/chapter1.xhtml"/></enc:CipherData>
        </enc:EncryptedData>
      </encryption>
      """
    return book(
      title: "加密的書", author: "某書店",
      chapters: [Chapter("chapter1.xhtml", xhtml(title: "一", body: "<p>亂碼</p>"))],
      extra: [ZipWriter.Entry("META-INF/encryption.xml", encryption)])
  }

  /// A book whose second chapter is named in the spine but missing from the zip.
  public static func missingChapter() -> [UInt8] {
    book(
      title: "缺頁的書", author: "佚名",
      chapters: [
        Chapter("one.xhtml", xhtml(title: "一", body: "<h1>第一章</h1><p>第一章的內容還在。</p>")),
        Chapter("two.xhtml", xhtml(title: "二", body: "<h1>第二章</h1><p>這一章不見了。</p>")),
        Chapter("three.xhtml", xhtml(title: "三", body: "<h1>第三章</h1><p>第三章也還在。</p>")),
      ], omit: ["OEBPS/two.xhtml"])
  }

  /// A chapter that is not well-formed: unclosed and misnested tags, a stray `<`, HTML entities
  /// an XML parser does not know, no end tags at the end.
  public static func malformed() -> [UInt8] {
    let broken = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>壞掉的章節</title></head>
      <body>
      <h1>壞掉的章節
      <p>第一段沒有結束標籤&nbsp;而且 3 < 5 這樣的比較
      <p>第二段<b>粗體<i>交錯</b>的標籤</i>還有&hellip;
      <div><p>最後一段，文件就此中斷
      """
    return book(
      title: "壞掉的書", author: "佚名", chapters: [Chapter("broken.xhtml", broken)])
  }

  /// A book whose package and chapter declare an external entity pointing at `path`.
  public static func externalEntity(path: String) -> [UInt8] {
    let chapter = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE html [<!ENTITY secret SYSTEM "file://\(path)">]>
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>實體</title></head>
      <body><h1>外部實體</h1><p>這裡不應出現檔案內容：&secret;。</p></body></html>
      """
    let opf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE package [<!ENTITY secret SYSTEM "file://\(path)">]>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>實體&secret;</dc:title></metadata>
        <manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="c"/></spine>
      </package>
      """
    return ZipWriter.archive([
      ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
      ZipWriter.Entry(
        "META-INF/container.xml",
        "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
          + "<rootfiles><rootfile full-path=\"content.opf\"/></rootfiles></container>"),
      ZipWriter.Entry("content.opf", opf),
      ZipWriter.Entry("c.xhtml", chapter),
    ])
  }

  /// A book with one chapter that inflates to `size` bytes of paragraphs (a zip bomb when large:
  /// the same bytes again and again compress to almost nothing).
  public static func bomb(size: Int) -> [UInt8] {
    let paragraph = Array("<p>炸彈炸彈炸彈炸彈炸彈炸彈炸彈炸彈炸彈炸彈</p>\n".utf8)
    var body = Array(xhtml(title: "炸彈", body: "<h1>開頭</h1><p>開頭還能讀。</p>").utf8.prefix(300))
    body.reserveCapacity(size)
    while body.count < size { body += paragraph }
    return book(
      title: "炸彈", author: "佚名",
      chapters: [
        Chapter("start.xhtml", xhtml(title: "開頭", body: "<h1>開頭</h1><p>開頭這一章還能讀。</p>")),
        Chapter("bomb.xhtml", bytes: body),
      ])
  }
}
