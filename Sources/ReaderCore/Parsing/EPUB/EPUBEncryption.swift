/// Reads `META-INF/encryption.xml` to tell DRM from font obfuscation.
///
/// Fonts are often "obfuscated" with the IDPF or Adobe algorithm, which any reader undoes and
/// which leaves the text readable; any other algorithm over a chapter means the text is
/// encrypted and only the seller's reader can open it.
enum EPUBEncryption {
  private static let fontObfuscation: Set<String> = [
    "http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#rc",
  ]

  /// Whether any of `documents` (entry names) is encrypted with something other than font
  /// obfuscation. An encryption file that cannot be parsed counts as encrypting everything.
  static func encryptsContent(_ archive: ZipArchive, documents: Set<String>) -> Bool {
    guard archive.contains("META-INF/encryption.xml") else { return false }
    guard let bytes = try? archive.read("META-INF/encryption.xml"), let root = MarkupParser.parseXML(bytes)
    else {
      return true
    }
    for data in root.all("encrypteddata") {
      let algorithm = data.first("encryptionmethod")?.attributes["algorithm"]?.lowercased() ?? ""
      if fontObfuscation.contains(algorithm) { continue }
      guard let uri = data.first("cipherreference")?.attributes["uri"] else { return true }
      // URIs in encryption.xml are relative to the container's root, not to META-INF.
      guard let target = EPUBPath.resolve(uri, from: "") else { continue }
      if documents.contains(target.path) { return true }
    }
    return false
  }
}
