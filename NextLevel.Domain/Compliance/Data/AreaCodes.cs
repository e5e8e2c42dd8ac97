using System.Collections.Frozen;

namespace NextLevel.Domain.Compliance.Data;

/// <summary>
/// North American area codes of the US and its territories → state and IANA time zone(s). An area code that spans
/// zones lists every zone it reaches (the gate then requires the call to be legal in all of them). Toll-free and
/// non-geographic codes (800, 888, 500, 900 …) are absent on purpose: their callee's zone is unknown.
/// Source: NANPA area code assignments by state (nationalnanpa.com), zone splits from the US time zone boundaries
/// (49 CFR part 71). See docs/compliance.md.
/// </summary>
public static class AreaCodes
{
    private const string Eastern = "America/New_York";
    private const string Central = "America/Chicago";
    private const string Mountain = "America/Denver";
    private const string Arizona = "America/Phoenix";
    private const string Pacific = "America/Los_Angeles";
    private const string Indiana = "America/Indiana/Indianapolis";
    private const string Detroit = "America/Detroit";
    private const string Boise = "America/Boise";

    // state: default zone, area codes.
    private static readonly (string State, string Zone, string Codes)[] ByState =
    [
        ("AL", Central, "205 251 256 334 659 938"),
        ("AK", "America/Anchorage", "907"),
        ("AZ", Arizona, "480 520 602 623 928"),
        ("AR", Central, "327 479 501 870"),
        ("CA", Pacific, "209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951"),
        ("CO", Mountain, "303 719 720 970 983"),
        ("CT", Eastern, "203 475 860 959"),
        ("DE", Eastern, "302"),
        ("DC", Eastern, "202 771"),
        ("FL", Eastern, "239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954"),
        ("GA", Eastern, "229 404 470 478 678 706 762 770 912 943"),
        ("HI", "Pacific/Honolulu", "808"),
        ("ID", Boise, "208 986"),
        ("IL", Central, "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872"),
        ("IN", Indiana, "219 260 317 463 574 765 812 930"),
        ("IA", Central, "319 515 563 641 712"),
        ("KS", Central, "316 620 785 913"),
        ("KY", Eastern, "270 364 502 606 859"),
        ("LA", Central, "225 318 337 504 985"),
        ("ME", Eastern, "207"),
        ("MD", Eastern, "227 240 301 410 443 667"),
        ("MA", Eastern, "339 351 413 508 617 774 781 857 978"),
        ("MI", Detroit, "231 248 269 313 517 586 616 679 734 810 906 947 989"),
        ("MN", Central, "218 320 507 612 651 763 952"),
        ("MS", Central, "228 601 662 769"),
        ("MO", Central, "314 417 557 573 636 660 816 975"),
        ("MT", Mountain, "406"),
        ("NE", Central, "308 402 531"),
        ("NV", Pacific, "702 725 775"),
        ("NH", Eastern, "603"),
        ("NJ", Eastern, "201 551 609 640 732 848 856 862 908 973"),
        ("NM", Mountain, "505 575"),
        ("NY", Eastern, "212 315 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934"),
        ("NC", Eastern, "252 336 472 704 743 828 910 919 980 984"),
        ("ND", Central, "701"),
        ("OH", Eastern, "216 220 234 283 326 330 380 419 436 440 513 567 614 740 937"),
        ("OK", Central, "405 539 572 580 918"),
        ("OR", Pacific, "458 503 541 971"),
        ("PA", Eastern, "215 223 267 272 412 445 484 570 582 610 717 724 814 835 878"),
        ("RI", Eastern, "401"),
        ("SC", Eastern, "803 821 839 843 854 864"),
        ("SD", Central, "605"),
        ("TN", Central, "423 615 629 731 865 901 931"),
        ("TX", Central, "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979"),
        ("UT", Mountain, "385 435 801"),
        ("VT", Eastern, "802"),
        ("VA", Eastern, "276 434 540 571 703 757 804 826 948"),
        ("WA", Pacific, "206 253 360 425 509 564"),
        ("WV", Eastern, "304 681"),
        ("WI", Central, "262 274 414 534 608 715 920"),
        ("WY", Mountain, "307"),
        ("PR", "America/Puerto_Rico", "787 939"),
        ("VI", "America/St_Thomas", "340"),
        ("GU", "Pacific/Guam", "671"),
        ("MP", "Pacific/Saipan", "670"),
        ("AS", "Pacific/Pago_Pago", "684"),
    ];

    // Area codes whose territory spans more than one zone (or differs from the state's default zone).
    private static readonly Dictionary<string, string[]> Overrides = new(StringComparer.Ordinal)
    {
        ["907"] = ["America/Anchorage", "America/Adak"],      // the Aleutians west of 169°30′W keep Hawaii–Aleutian time
        ["928"] = [Arizona, Mountain],                         // the Navajo Nation observes daylight time
        ["850"] = [Eastern, Central],                          // the Florida panhandle west of the Apalachicola is Central
        ["448"] = [Eastern, Central],                          // overlay of 850
        ["208"] = [Boise, Pacific],                            // northern Idaho is Pacific
        ["986"] = [Boise, Pacific],
        ["219"] = [Central],                                   // northwest Indiana (Chicago area) is Central
        ["812"] = [Indiana, Central],                          // southwest Indiana (Evansville) is Central
        ["930"] = [Indiana, Central],
        ["574"] = [Indiana, Central],
        ["620"] = [Central, Mountain],                         // four western Kansas counties are Mountain
        ["785"] = [Central, Mountain],
        ["270"] = [Central, Eastern],                          // western Kentucky is Central
        ["364"] = [Central, Eastern],
        ["606"] = [Eastern, Central],
        ["906"] = [Detroit, Central],                          // four Upper Peninsula counties are Central
        ["308"] = [Central, Mountain],                         // the Nebraska panhandle is Mountain
        ["775"] = [Pacific, Mountain],                         // West Wendover is Mountain
        ["701"] = [Central, Mountain],                         // southwest North Dakota is Mountain
        ["541"] = [Pacific, Boise],                            // Malheur County, Oregon is Mountain
        ["458"] = [Pacific, Boise],
        ["605"] = [Central, Mountain],                         // western South Dakota is Mountain
        ["423"] = [Eastern, Central],                          // east Tennessee is Eastern
        ["865"] = [Eastern],
        ["931"] = [Central, Eastern],
        ["915"] = [Mountain],                                  // El Paso is Mountain
        ["432"] = [Central, Mountain],
    };

    private static readonly FrozenDictionary<string, AreaCodeInfo> Table = Build();

    /// <summary>The state and zones of a US/territory area code, or null when unknown or non-geographic.</summary>
    public static AreaCodeInfo? Find(string areaCode) => Table.GetValueOrDefault(areaCode);

    /// <summary>The area code of an E.164 NANP number (+1NXXNXXXXXX), or null for any other number.</summary>
    public static string? AreaCodeOf(string? e164)
    {
        if (e164 is null || e164.Length != 12 || !e164.StartsWith("+1", StringComparison.Ordinal)) return null;
        for (var i = 2; i < 12; i++) if (!char.IsAsciiDigit(e164[i])) return null;
        return e164.Substring(2, 3);
    }

    public static int Count => Table.Count;

    private static FrozenDictionary<string, AreaCodeInfo> Build()
    {
        var table = new Dictionary<string, AreaCodeInfo>(StringComparer.Ordinal);
        foreach (var (state, zone, codes) in ByState)
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                table.Add(code, new AreaCodeInfo(code, state, Overrides.TryGetValue(code, out var zones) ? zones : [zone]));
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>An area code's state and the zone(s) its numbers may be in.</summary>
public sealed record AreaCodeInfo(string AreaCode, string State, IReadOnlyList<string> Zones);
