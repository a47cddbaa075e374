import SendQLCore

/// Writes an `SEN2Area` as a Blade export: one CSV file per module, rows keyed by `<module>tableid`
/// and linked to their parents, dates written `2022-Sep-28 00:00:00`.
struct SEN2BladeWriter {
    let header: SEN2Header

    /// Each module's file (by Blade module name, `sen2` for the header) as rows of cells by column.
    func write(_ area: SEN2Area) -> [String: (columns: [String], rows: [[String]])] {
        var files: [String: (columns: [String], rows: [[String]])] = [:]
        for module in SEN2Module.allCases {
            files[module.blade] = (columns(of: module), [])
        }
        files["sen2"] = (
            ["collection", "year", "referencedate", "lea", "sourcelevel"],
            [["SEN2", header.year, BladeDate.text(CivilDate(iso: header.referenceDate)!.dayNumber), header.lea, "L"]]
        )
        var next: [SEN2Module: Int] = [:]
        func add(_ module: SEN2Module, parent: Int?, _ items: SEN2Items.Items) -> Int {
            next[module, default: 0] += 1
            let key = next[module]!
            let values = Dictionary(items) { first, _ in first }
            var row = [String(key)] + (module.parent == nil ? [] : [parent.map(String.init) ?? ""])
            for item in module.items {
                let value = values[item] ?? ""
                row.append(
                    SEN2BladeReader.dateItems.contains(item) && !value.isEmpty
                        ? BladeDate.text(CivilDate(iso: value)!.dayNumber) : value)
            }
            files[module.blade]!.rows.append(row)
            return key
        }
        for person in area.people {
            let personKey = add(.person, parent: nil, SEN2Items.person(person.person))
            for request in person.requests {
                let requestKey = add(.requests, parent: personKey, SEN2Items.request(request))
                if let assessment = SEN2Items.assessment(request) {
                    let assessmentKey = add(.assessment, parent: requestKey, assessment)
                    if let plan = request.plan {
                        let planKey = add(.namedPlan, parent: assessmentKey, SEN2Items.namedPlan(plan))
                        if let detail = SEN2Items.planDetail(plan) { _ = add(.planDetail, parent: planKey, detail) }
                    }
                }
                if let plan = request.plan {
                    let activeKey = add(.activePlans, parent: requestKey, SEN2Items.activePlans(request))
                    if let need = SEN2Items.senNeed(plan) { _ = add(.senNeed, parent: activeKey, need) }
                }
            }
        }
        return files
    }

    private func columns(of module: SEN2Module) -> [String] {
        [module.keyColumn] + (module.parent.map { [$0.keyColumn] } ?? []) + module.items.map { $0.lowercased() }
    }

    /// The file name of a module's file, for an export made on `day`.
    static func fileName(module: String, day: Int32) -> String {
        let date = CivilDate(dayNumber: day)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "Blade-Export_\(two(date.day))-\(two(date.month))-\(date.year)_\(module).csv"
    }
}
