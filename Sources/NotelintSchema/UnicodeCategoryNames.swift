/// The General_Category names ECMA-262 accepts in `\p{…}`, short and long, as masks of `ScalarSet.categoryBit`.
enum UnicodeCategoryNames {
    static func mask(_ name: String) -> UInt32? {
        var name = Substring(name)
        for prefix in ["General_Category=", "gc="] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        let categories: [Unicode.GeneralCategory]
        switch name {
        case "L", "Letter":
            categories = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "LC", "Cased_Letter": categories = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
        case "Lu", "Uppercase_Letter": categories = [.uppercaseLetter]
        case "Ll", "Lowercase_Letter": categories = [.lowercaseLetter]
        case "Lt", "Titlecase_Letter": categories = [.titlecaseLetter]
        case "Lm", "Modifier_Letter": categories = [.modifierLetter]
        case "Lo", "Other_Letter": categories = [.otherLetter]
        case "M", "Mark", "Combining_Mark": categories = [.nonspacingMark, .spacingMark, .enclosingMark]
        case "Mn", "Nonspacing_Mark": categories = [.nonspacingMark]
        case "Mc", "Spacing_Mark": categories = [.spacingMark]
        case "Me", "Enclosing_Mark": categories = [.enclosingMark]
        case "N", "Number": categories = [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd", "Decimal_Number", "digit": categories = [.decimalNumber]
        case "Nl", "Letter_Number": categories = [.letterNumber]
        case "No", "Other_Number": categories = [.otherNumber]
        case "P", "Punctuation", "punct":
            categories = [
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation,
            ]
        case "Pc", "Connector_Punctuation": categories = [.connectorPunctuation]
        case "Pd", "Dash_Punctuation": categories = [.dashPunctuation]
        case "Ps", "Open_Punctuation": categories = [.openPunctuation]
        case "Pe", "Close_Punctuation": categories = [.closePunctuation]
        case "Pi", "Initial_Punctuation": categories = [.initialPunctuation]
        case "Pf", "Final_Punctuation": categories = [.finalPunctuation]
        case "Po", "Other_Punctuation": categories = [.otherPunctuation]
        case "S", "Symbol": categories = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Sm", "Math_Symbol": categories = [.mathSymbol]
        case "Sc", "Currency_Symbol": categories = [.currencySymbol]
        case "Sk", "Modifier_Symbol": categories = [.modifierSymbol]
        case "So", "Other_Symbol": categories = [.otherSymbol]
        case "Z", "Separator": categories = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs", "Space_Separator": categories = [.spaceSeparator]
        case "Zl", "Line_Separator": categories = [.lineSeparator]
        case "Zp", "Paragraph_Separator": categories = [.paragraphSeparator]
        case "C", "Other": categories = [.control, .format, .surrogate, .privateUse, .unassigned]
        case "Cc", "Control", "cntrl": categories = [.control]
        case "Cf", "Format": categories = [.format]
        case "Cs", "Surrogate": categories = [.surrogate]
        case "Co", "Private_Use": categories = [.privateUse]
        case "Cn", "Unassigned": categories = [.unassigned]
        default: return nil
        }
        return categories.reduce(0) { $0 | ScalarSet.categoryBit($1) }
    }
}
