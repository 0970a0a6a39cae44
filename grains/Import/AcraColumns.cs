namespace IcpSearch.Grains.Import;

/// <summary>
/// The ACRA columns the import stages, their limits, and how a file's header row is matched to them.
/// </summary>
/// <remarks>
/// A header matches a column by its name or an alias, ignoring case, spaces and underscores ("Entity Status
/// Description" = "entity_status_description"). ACRA's files were once exported through DBF, which cut names to
/// 10-16 characters, so a header of at least <see cref="MinTruncatedLength"/> characters that is the start of exactly
/// one column's name or alias also matches ("entity_status_de", "registrati"). Unknown, ambiguous and repeated
/// headers are ignored with one warning each.
/// </remarks>
public static class AcraColumns
{
    /// <summary>The longest UEN taken (ACRA's are 9-10 characters).</summary>
    public const int UenLimit = 20;

    /// <summary>The longest value taken for most text columns.</summary>
    public const int TextLimit = 255;

    /// <summary>The longest value taken for the free-text activity columns.</summary>
    public const int LongTextLimit = 1000;

    /// <summary>The shortest header that is matched as a truncated name (DBF cut names to 10 characters).</summary>
    public const int MinTruncatedLength = 10;

    /// <summary>Gets every staged column, in the order of the staging table.</summary>
    public static IReadOnlyList<AcraColumn> All { get; } =
    [
        new("uen", AcraColumnKind.Uen, UenLimit, ["uen_no", "uen_number"]),
        new("issuance_agency_id", AcraColumnKind.Text, TextLimit, ["issuance_agency"]),
        new("entity_name", AcraColumnKind.RequiredText, TextLimit, ["company_name", "business_name"]),
        new("entity_type_description", AcraColumnKind.Text, TextLimit, ["entity_type", "entity_type_desc"]),
        new("business_constitution_description", AcraColumnKind.Text, TextLimit, ["business_constitution", "business_constitution_desc"]),
        new("company_type_description", AcraColumnKind.Text, TextLimit, ["company_type", "company_type_desc"]),
        new("paf_constitution_description", AcraColumnKind.Text, TextLimit, ["paf_constitution", "paf_constitution_desc"]),
        new("entity_status_description", AcraColumnKind.Text, TextLimit, ["entity_status", "entity_status_desc"]),
        new("registration_incorporation_date", AcraColumnKind.Date, 0, ["incorporation_date", "registration_date", "reg_incorporation_date"]),
        new("uen_issue_date", AcraColumnKind.Date, 0, ["uen_issued_date"]),
        new("address_type", AcraColumnKind.Text, TextLimit, []),
        new("block", AcraColumnKind.Text, TextLimit, ["block_no", "blk"]),
        new("street_name", AcraColumnKind.Text, TextLimit, ["street"]),
        new("level_no", AcraColumnKind.Text, TextLimit, ["level"]),
        new("unit_no", AcraColumnKind.Text, TextLimit, ["unit"]),
        new("building_name", AcraColumnKind.Text, TextLimit, ["building"]),
        new("postal_code", AcraColumnKind.Text, TextLimit, ["postcode", "postal"]),
        new("other_address_line1", AcraColumnKind.Text, TextLimit, ["other_addr1", "other_add1", "address_line1"]),
        new("other_address_line2", AcraColumnKind.Text, TextLimit, ["other_addr2", "other_add2", "address_line2"]),
        new("account_due_date", AcraColumnKind.Date, 0, ["accounts_due_date"]),
        new("annual_return_date", AcraColumnKind.Date, 0, ["annual_return"]),
        new("primary_ssic_code", AcraColumnKind.SsicCode, 0, ["primary_ssic", "ssic_code", "pri_ssic", "pri_ssic_code"]),
        new("primary_ssic_description", AcraColumnKind.Text, TextLimit, ["primary_ssic_desc", "pri_ssic_desc", "pri_ssic_d"]),
        new("primary_user_described_activity", AcraColumnKind.Text, LongTextLimit, ["primary_user_activity", "pri_user_described_activity", "pri_user_d"]),
        new("secondary_ssic_code", AcraColumnKind.SsicCode, 0, ["secondary_ssic", "sec_ssic", "sec_ssic_code"]),
        new("secondary_ssic_description", AcraColumnKind.Text, TextLimit, ["secondary_ssic_desc", "sec_ssic_desc", "sec_ssic_d"]),
        new("secondary_user_described_activity", AcraColumnKind.Text, LongTextLimit, ["secondary_user_activity", "sec_user_described_activity", "sec_user_d"]),
        new("no_of_officers", AcraColumnKind.Count, 0, ["number_of_officers", "officers", "no_officers"]),
    ];

    /// <summary>Gets the index of <c>uen</c> in <see cref="All"/>.</summary>
    public static int UenIndex { get; } = IndexOf("uen");

    /// <summary>Gets the index of <c>entity_name</c> in <see cref="All"/>.</summary>
    public static int EntityNameIndex { get; } = IndexOf("entity_name");

    /// <summary>Matches a header row to the columns; see the remarks of <see cref="AcraColumns"/>.</summary>
    public static AcraHeaderMap Map(IReadOnlyList<string> headers)
    {
        var fieldOf = Enumerable.Repeat(-1, All.Count).ToArray();
        var warnings = new List<string>();
        for (var field = 0; field < headers.Count; field++)
        {
            var header = CsvHeaders.Normalise(headers[field]);
            if (header.Length == 0)
            {
                warnings.Add($"column {field + 1} has no name; ignored");
                continue;
            }

            var candidates = Candidates(header);
            if (candidates.Count == 0)
            {
                warnings.Add($"unknown column '{headers[field]}' ignored");
            }
            else if (candidates.Count > 1)
            {
                warnings.Add($"column '{headers[field]}' could be any of {string.Join(", ", candidates.Select(c => All[c].Name))}; ignored");
            }
            else if (fieldOf[candidates[0]] >= 0)
            {
                warnings.Add($"column '{headers[field]}' repeats {All[candidates[0]].Name} (column {fieldOf[candidates[0]] + 1}); ignored");
            }
            else
            {
                fieldOf[candidates[0]] = field;
            }
        }

        return new AcraHeaderMap(fieldOf, warnings);
    }

    /// <summary>Returns the accepted header names of a column, for error messages.</summary>
    public static string AcceptedNames(int column) => string.Join(", ", All[column].Aliases.Prepend(All[column].Name));

    private static List<int> Candidates(string header)
    {
        var compact = header.Replace("_", "", StringComparison.Ordinal);
        var exact = new List<int>();
        var truncated = new List<int>();
        for (var i = 0; i < All.Count; i++)
        {
            foreach (var name in All[i].Aliases.Prepend(All[i].Name))
            {
                if (name.Replace("_", "", StringComparison.Ordinal) == compact)
                {
                    exact.Add(i);
                    break;
                }

                if (header.Length >= MinTruncatedLength && name.StartsWith(header, StringComparison.Ordinal) && !truncated.Contains(i))
                {
                    truncated.Add(i);
                }
            }
        }

        return exact.Count > 0 ? exact : truncated;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No ACRA column {name}.");
    }
}
