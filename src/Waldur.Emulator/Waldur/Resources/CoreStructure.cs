using Waldur.Emulator.Data;
using Waldur.Emulator.Data.Core;
using static Waldur.Emulator.Waldur.Resources.CoreUrls;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary><c>/api/customers/</c>, <c>/api/projects/</c>, <c>/api/users/</c> (docs/waldur-core-rules.md §1–3).</summary>
internal static class CoreStructure
{
    private const string CustomerFilter = Structure + " CustomerFilter(NameFilterSet)";
    private const string ProjectFilter = Structure + " ProjectFilter";
    private const string UserFilter = Structure + " UserFilter(BaseUserFilter)";

    public static ResourceTable<CoreCustomer> Customers(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        var writer = new SchemaRowWriter<CoreCustomer>("/api/customers/", new RowValues<CoreCustomer>()
            .Url("url", Customer).Str("uuid", c => c.Uuid).Time("created", c => c.Created).Str("display_name", c => c.Name)
            .Str("backend_id", c => c.BackendId).Bool("archived", c => c.Archived)
            .Int("projects_count", c => core.Projects.Count(p => p.Customer == c))
            .Int("users_count", c => core.Users.Count(u => u.Roles.Any(r => r.Customer == c || r.Project?.Customer == c)))
            .Str("country_name", c => c.Country switch { "EE" => "Estonia", "NO" => "Norway", "FI" => "Finland", "SE" => "Sweden", "LV" => "Latvia", _ => "" })
            .Str("name", c => c.Name).Str("slug", c => c.Slug).Str("native_name", c => c.NativeName).Str("abbreviation", c => c.Abbreviation)
            .Str("contact_details", c => c.ContactDetails).Str("agreement_number", c => c.AgreementNumber).Str("email", c => c.Email)
            .Str("registration_code", c => c.RegistrationCode).Str("homepage", c => $"https://{c.Domain}/").Str("domain", c => c.Domain)
            .Str("country", c => c.Country).Bool("is_service_provider", c => core.ProviderOf(c) is not null)
            .Url("service_provider", c => core.ProviderOf(c) is { } p ? Provider(p) : null)
            .Str("service_provider_uuid", c => core.ProviderOf(c)?.Uuid));
        Func<CoreCustomer, bool> hasResources = c => core.Resources.Any(r => r.Project.Customer == c);
        return new ResourceTable<CoreCustomer>("/api/customers", "Customer", core.Customers, c => c.Id, c => c.Uuid)
        {
            Version = () => dataset.Version,
            Visible = (token, c) => dataset.IsVisibleTo(token, "/api/customers/", c),
            Filters =
            [
                TableFilter<CoreCustomer>.Contains("name", c => c.Name, $"{CustomerFilter} via NameFilterSet: icontains"),
                TableFilter<CoreCustomer>.Exact("name_exact", c => c.Name, $"{CustomerFilter} via NameFilterSet: exact"),
                TableFilter<CoreCustomer>.Contains("native_name", c => c.NativeName, $"{CustomerFilter}: CharFilter(icontains)"),
                TableFilter<CoreCustomer>.Contains("abbreviation", c => c.Abbreviation, $"{CustomerFilter}: CharFilter(icontains)"),
                TableFilter<CoreCustomer>.Contains("contact_details", c => c.ContactDetails, $"{CustomerFilter}: CharFilter(icontains)"),
                TableFilter<CoreCustomer>.Exact("registration_code", c => c.RegistrationCode, $"{CustomerFilter}: Meta.fields (exact)"),
                TableFilter<CoreCustomer>.Exact("agreement_number", c => c.AgreementNumber, $"{CustomerFilter}: Meta.fields (exact)"),
                TableFilter<CoreCustomer>.Exact("backend_id", c => c.BackendId, $"{CustomerFilter}: Meta.fields (exact)"),
                TableFilter<CoreCustomer>.Bool("archived", c => c.Archived, $"{CustomerFilter}: BooleanFilter (NullBooleanSelect) [UNVERIFIED: 1/0]"),
                TableFilter<CoreCustomer>.Method("query", "name/native_name/abbreviation/domain/registration_code icontains, uuid exact, agreement_number contains",
                    $"{CustomerFilter}.filter_query", q => c => Has(c.Name, q) || Has(c.NativeName, q) || Has(c.Abbreviation, q) || Has(c.Domain, q)
                        || c.Uuid == UuidLookup.Normalize(q) || Has(c.RegistrationCode, q) || c.AgreementNumber.Contains(q, StringComparison.Ordinal)),
                TableFilter<CoreCustomer>.Custom("organization_group_uuid", "repeated uuid (ModelMultipleChoice); no organization groups are modelled, so any valid value is unknown",
                    $"{CustomerFilter}: ModelMultipleChoiceFilter(organization_groups__uuid)", (q, _, errors) => NoGroups(q, "organization_group_uuid", errors)),
                TableFilter<CoreCustomer>.Method("organization_group_name", "icontains on groups (none modelled: matches nothing)", $"{CustomerFilter}: CharFilter(organization_groups__name, icontains)", _ => _ => false),
                TableFilter<CoreCustomer>.BoolMethod("owned_by_current_user", "true: customers the caller owns; false: no-op", $"{CustomerFilter} / OwnedByCurrentUserFilterBackend",
                    (v, token) => v ? c => dataset.CallerOf(token).RoleCustomers.Contains(c) : null),
                TableFilter<CoreCustomer>.BoolMethod("current_user_has_project_create_permission", "true: customers the caller owns (CREATE_PROJECT); staff or false: no-op",
                    $"{CustomerFilter}.filter_current_user_has_project_create_permission",
                    (v, token) => v && !dataset.CallerOf(token).IsStaff ? c => dataset.CallerOf(token).RoleCustomers.Contains(c) : null),
                TableFilter<CoreCustomer>.Custom("user_uuid", "backend: the C7 visibility of that user; not a uuid or unknown user: empty",
                    $"{Structure} GenericUserFilter", (q, _, _) => UserScope<CoreCustomer>(core, q.Last("user_uuid"), (caller, c) => caller.VisibleCustomers.Contains(c))),
                TableFilter<CoreCustomer>.NoEffect("accounting_is_running", "ENABLE_ACCOUNTING_START_DATE is off", $"{Structure} AccountingStartDateFilter"),
                TableFilter<CoreCustomer>.Custom("has_resources", "the key's presence (any value): customers with a marketplace resource",
                    $"{Marketplace} CustomerResourceFilter", (q, _, _) => q.All("has_resources").Count > 0 ? hasResources : null),
                TableFilter<CoreCustomer>.Custom("service_provider_uuid", "customers with resources of offerings whose provider customer has that uuid; bad value ignored",
                    $"{Marketplace} ServiceProviderOfferingFilter", (q, _, _) => UuidLookup.Normalize(q.Last("service_provider_uuid") ?? "") is { } u
                        ? c => core.Resources.Any(r => r.Project.Customer == c && r.Offering.Customer.Uuid == u) : null),
                TableFilter<CoreCustomer>.Custom("is_service_provider", "only true/True: customers with a ServiceProvider; else ignored",
                    $"{Marketplace} CustomerServiceProviderFilter", (q, _, _) => q.Last("is_service_provider") is "true" or "True" ? c => core.ProviderOf(c) is not null : null),
                TableFilter<CoreCustomer>.Custom("is_call_managing_organization", "only true/True: no call-managing organisations are modelled, so none",
                    $"{Marketplace} CustomerCallManagingOrganisationFilter", (q, _, _) => q.Last("is_call_managing_organization") is "true" or "True" ? _ => false : null),
            ],
            // C5b: DRF OrderingFilter, ordering_fields of 7.0.7 [UNVERIFIED for 8.0.5]; unknown terms dropped.
            LenientOrdering = true,
            Orderings =
            [
                new("abbreviation", (x, y) => Ordinal(x.Abbreviation, y.Abbreviation)),
                new("accounting_start_date", (x, y) => x.Created.CompareTo(y.Created)),
                new("agreement_number", (x, y) => Ordinal(x.AgreementNumber, y.AgreementNumber)),
                new("contact_details", (x, y) => Ordinal(x.ContactDetails, y.ContactDetails)),
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
                new("name", (x, y) => Ordinal(x.Name, y.Name)),
                new("native_name", (x, y) => Ordinal(x.NativeName, y.NativeName)),
                new("registration_code", (x, y) => Ordinal(x.RegistrationCode, y.RegistrationCode)),
            ],
            // structure/views.py CustomerViewSet: Customer.objects.all().order_by("name").
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreProject> Projects(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        var writer = new SchemaRowWriter<CoreProject>("/api/projects/", new RowValues<CoreProject>()
            .Url("url", Project).Str("uuid", p => p.Uuid).Str("name", p => p.Name).Str("slug", p => p.Slug).Url("customer", p => Customer(p.Customer))
            .Str("customer_uuid", p => p.Customer.Uuid).Str("customer_name", p => p.Customer.Name).Str("customer_slug", p => p.Customer.Slug)
            .Str("customer_native_name", p => p.Customer.NativeName).Str("customer_abbreviation", p => p.Customer.Abbreviation)
            .Str("description", p => p.Description).Time("created", p => p.Created).Str("backend_id", p => p.BackendId)
            .Day("start_date", p => p.StartDate).Day("end_date", p => p.EndDate)
            .Int("resources_count", p => core.Resources.Count(r => r.Project == p && r.State != "Terminated")));
        Func<CoreProject, CoreCaller, bool> manages = (p, caller) => caller.RoleCustomers.Contains(p.Customer)
            || core.Users.Any(u => u == caller.User && u.Roles.Any(r => r.Project == p && r.Name == "PROJECT.MANAGER"));
        return new ResourceTable<CoreProject>("/api/projects", "Project", core.Projects, p => p.Id, p => p.Uuid)
        {
            LiveRows = () => core.Projects,
            Version = () => dataset.Version,
            Visible = (token, p) => dataset.IsVisibleTo(token, "/api/projects/", p),
            Filters =
            [
                TableFilter<CoreProject>.Contains("name", p => p.Name, $"{ProjectFilter} via NameFilterSet: icontains"),
                TableFilter<CoreProject>.Exact("name_exact", p => p.Name, $"{ProjectFilter} via NameFilterSet: exact"),
                TableFilter<CoreProject>.CsvUuid("customer", p => p.Customer.Uuid, $"{ProjectFilter}: CustomerInFilter(customer__uuid__in)"),
                TableFilter<CoreProject>.Contains("customer_name", p => p.Customer.Name, $"{ProjectFilter}: CharFilter(customer__name, icontains)"),
                TableFilter<CoreProject>.Contains("customer_native_name", p => p.Customer.NativeName, $"{ProjectFilter}: CharFilter(customer__native_name, icontains)"),
                TableFilter<CoreProject>.Contains("customer_abbreviation", p => p.Customer.Abbreviation, $"{ProjectFilter}: CharFilter(customer__abbreviation, icontains)"),
                TableFilter<CoreProject>.Contains("description", p => p.Description, $"{ProjectFilter}: CharFilter(icontains)"),
                TableFilter<CoreProject>.Exact("slug", p => p.Slug, $"{ProjectFilter}: Meta.fields (exact)"),
                TableFilter<CoreProject>.Exact("backend_id", p => p.BackendId, $"{ProjectFilter}: Meta.fields (exact)"),
                TableFilter<CoreProject>.Time("created", p => p.Created, "gte", $"{ProjectFilter} (CreatedModifiedFilter): created after"),
                TableFilter<CoreProject>.Time("modified", p => p.Modified, "gte", $"{ProjectFilter} (CreatedModifiedFilter): modified after"),
                TableFilter<CoreProject>.Method("query", "uuid exact, or name/slug icontains, or a resource's name/backend_id", $"{ProjectFilter}.filter_query",
                    q => UuidLookup.Normalize(q) is { } u
                        ? p => p.Uuid == u || core.Resources.Any(r => r.Project == p && r.BackendId == q)
                        : p => Has(p.Name, q) || Has(p.Slug, q) || core.Resources.Any(r => r.Project == p && (r.Name == q || string.Equals(r.BackendId, q, StringComparison.OrdinalIgnoreCase)))),
                TableFilter<CoreProject>.BoolMethod("can_manage", "true or false: projects of owned customers or with PROJECT.MANAGER", $"{ProjectFilter}.filter_can_manage",
                    (_, token) => dataset.CallerOf(token) is { IsStaff: false } c ? p => manages(p, c) : null),
                TableFilter<CoreProject>.BoolMethod("can_admin", "true or false: projects with PROJECT.ADMIN", $"{ProjectFilter}.filter_can_admin",
                    (_, token) => dataset.CallerOf(token) is { IsStaff: false } c ? p => c.User?.Roles.Any(r => r.Project == p && r.Name == "PROJECT.ADMIN") == true : null),
                TableFilter<CoreProject>.BoolMethod("conceal_finished_projects", "true: exclude end_date < today", $"{ProjectFilter}.filter_conceal_finished_projects",
                    (v, _) => v ? p => p.EndDate is not { } end || end >= DateOnly.FromDateTime(DateTime.UtcNow) : null),
                TableFilter<CoreProject>.Bool("is_removed", _ => false, $"{ProjectFilter}: BooleanFilter(widget=BooleanWidget)", widget: true),
                TableFilter<CoreProject>.NoEffect("include_terminated", "no soft-deleted projects are modelled [UNVERIFIED: code not seen]", "8.0.5 schema only"),
                TableFilter<CoreProject>.Custom("user_uuid", "backend: the C7 visibility of that user", $"{Structure} GenericUserFilter",
                    (q, _, _) => UserScope<CoreProject>(core, q.Last("user_uuid"), (caller, p) => caller.SeesProject(p))),
                TableFilter<CoreProject>.NoEffect("accounting_is_running", "ENABLE_ACCOUNTING_START_DATE is off", $"{Structure} CustomerAccountingStartDateFilter"),
            ],
            Orderings =
            [
                new("name", (x, y) => Ordinal(x.Name, y.Name)),
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
                new("customer_name", (x, y) => Ordinal(x.Customer.Name, y.Customer.Name)),
                new("customer_native_name", (x, y) => Ordinal(x.Customer.NativeName, y.Customer.NativeName)),
                new("customer_abbreviation", (x, y) => Ordinal(x.Customer.Abbreviation, y.Customer.Abbreviation)),
                // [UNVERIFIED] estimated_cost is an annotation added only for o=±estimated_cost; here every project's estimate is 0.
                new("estimated_cost", (_, _) => 0),
                new("end_date", (x, y) => NullsLast(x.EndDate, y.EndDate)),
                new("start_date", (x, y) => NullsLast(x.StartDate, y.StartDate)),
            ],
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreUser> Users(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        var writer = new SchemaRowWriter<CoreUser>("/api/users/", new RowValues<CoreUser>()
            .Url("url", User).Str("uuid", u => u.Uuid).Str("username", u => u.Username).Str("slug", u => u.Username.Replace('.', '-'))
            .Str("full_name", u => u.FullName).Str("native_name", u => u.NativeName).Str("job_title", u => u.JobTitle).Str("email", u => u.Email)
            .Str("phone_number", u => u.PhoneNumber).Str("organization", u => u.Organization).Str("civil_number", u => u.CivilNumber.Length == 0 ? null : u.CivilNumber)
            .Str("description", u => u.Description).Bool("is_staff", u => u.IsStaff).Bool("is_active", u => u.IsActive).Bool("is_support", u => u.IsSupport)
            .Str("registration_method", u => u.RegistrationMethod).Time("date_joined", u => u.DateJoined).Time("agreement_date", u => u.AgreementDate)
            .Bool("notifications_enabled", _ => true).Str("preferred_language", _ => "en").Str("first_name", u => u.FirstName).Str("last_name", u => u.LastName)
            .Str("token", _ => ""));
        return new ResourceTable<CoreUser>("/api/users", "User", core.Users, u => u.Id, u => u.Uuid)
        {
            Visible = (token, u) => dataset.IsVisibleTo(token, "/api/users/", u) && (dataset.CallerOf(token).IsStaff || u.IsActive || u == dataset.CallerOf(token).User),
            Filters =
            [
                TableFilter<CoreUser>.Exact("username", u => u.Username, $"{UserFilter}: Meta.fields (exact)"),
                TableFilter<CoreUser>.Method("full_name", "ASCII-folded full name icontains", $"{UserFilter}.filter_by_full_name", q => u => Has(u.FullName, q)),
                TableFilter<CoreUser>.Method("user_keyword", "full name, email or username icontains", $"{UserFilter}.filter_by_user_keyword",
                    q => u => Has(u.FullName, q) || Has(u.Email, q) || Has(u.Username, q)),
                TableFilter<CoreUser>.Contains("native_name", u => u.NativeName, $"{UserFilter}: CharFilter(icontains)"),
                TableFilter<CoreUser>.Contains("organization", u => u.Organization, $"{UserFilter}: CharFilter(icontains)"),
                TableFilter<CoreUser>.Contains("job_title", u => u.JobTitle, $"{UserFilter}: CharFilter(icontains)"),
                TableFilter<CoreUser>.Contains("email", u => u.Email, $"{UserFilter}: CharFilter(icontains)"),
                TableFilter<CoreUser>.Exact("phone_number", u => u.PhoneNumber, $"{UserFilter}: Meta.fields (exact)"),
                TableFilter<CoreUser>.Exact("description", u => u.Description, $"{UserFilter}: Meta.fields (exact)"),
                TableFilter<CoreUser>.Exact("civil_number", u => u.CivilNumber, $"{UserFilter}: Meta.fields (exact)"),
                TableFilter<CoreUser>.Exact("registration_method", u => u.RegistrationMethod, $"{UserFilter}: Meta.fields (exact)"),
                TableFilter<CoreUser>.Bool("is_active", u => u.IsActive, $"{UserFilter}: BooleanFilter(widget=BooleanWidget)", widget: true),
                TableFilter<CoreUser>.BoolMethod("is_staff", "staff caller: exact; any other caller: empty list", $"{UserFilter}.filter_by_is_staff",
                    (v, token) => dataset.CallerOf(token).IsStaff ? u => u.IsStaff == v : _ => false),
                TableFilter<CoreUser>.BoolMethod("is_support", "staff caller: exact; any other caller: empty list", $"{UserFilter}.filter_by_is_support",
                    (v, token) => dataset.CallerOf(token).IsStaff ? u => u.IsSupport == v : _ => false),
                TableFilter<CoreUser>.Time("modified", u => u.Modified, "gte", $"{UserFilter}: DateTimeFilter(gte)"),
                TableFilter<CoreUser>.Time("date_joined", u => u.DateJoined, "gte", $"{UserFilter}: DateTimeFilter(gte)"),
                TableFilter<CoreUser>.Time("agreement_date", u => u.AgreementDate ?? DateTimeOffset.MinValue, "gte", $"{UserFilter}: DateTimeFilter(gte)"),
                TableFilter<CoreUser>.Custom("customer_uuid", "uuid: users with a role in that customer or its projects", $"{UserFilter}: RelatedUUIDFilter(method) [UNVERIFIED: treated as UUIDFilter]",
                    (q, _, errors) => UuidParam(q, "customer_uuid", errors) is { } u ? x => x.Roles.Any(r => (r.Customer ?? r.Project!.Customer).Uuid == u) : null),
                TableFilter<CoreUser>.Custom("project_uuid", "uuid: users with a role in that project", $"{UserFilter}: RelatedUUIDFilter(method) [UNVERIFIED: treated as UUIDFilter]",
                    (q, _, errors) => UuidParam(q, "project_uuid", errors) is { } u ? x => x.Roles.Any(r => r.Project?.Uuid == u) : null),
                TableFilter<CoreUser>.Custom("organization_roles", "repeated: an active role with that name in any scope", $"{UserFilter}.filter_by_organization_roles",
                    (q, _, _) => q.All("organization_roles").Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } names ? u => u.Roles.Any(r => names.Contains(r.Name)) : null),
                TableFilter<CoreUser>.Custom("project_roles", "repeated: an active role with that name in any scope", $"{UserFilter}.filter_by_project_roles",
                    (q, _, _) => q.All("project_roles").Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } names ? u => u.Roles.Any(r => names.Contains(r.Name)) : null),
                TableFilter<CoreUser>.Method("query", "first/last name, civil number, username, email icontains (two words: first + last)", $"{UserFilter}.filter_by_query",
                    q => u => Has(u.FirstName, q) || Has(u.LastName, q) || Has(u.CivilNumber, q) || Has(u.Username, q) || Has(u.Email, q)
                        || (q.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } w && Has(u.FirstName, w[0]) && Has(u.LastName, w[1]))),
                TableFilter<CoreUser>.Method("username_list", "comma-separated exact usernames", $"{UserFilter}.filter_by_username_list",
                    q => q.Split(',').Select(x => x.Trim()).ToHashSet(StringComparer.Ordinal) is var names ? u => names.Contains(u.Username) : null!),
            ],
            Orderings =
            [
                new("full_name", (x, y) => Ordinal(x.FirstName, y.FirstName) is var c && c != 0 ? c : Ordinal(x.LastName, y.LastName)),
                new("native_name", (x, y) => Ordinal(x.NativeName, y.NativeName)),
                new("email", (x, y) => Ordinal(x.Email, y.Email)),
                new("phone_number", (x, y) => Ordinal(x.PhoneNumber, y.PhoneNumber)),
                new("description", (x, y) => Ordinal(x.Description, y.Description)),
                new("organization", (x, y) => Ordinal(x.Organization, y.Organization)),
                new("job_title", (x, y) => Ordinal(x.JobTitle, y.JobTitle)),
                new("username", (x, y) => Ordinal(x.Username, y.Username)),
                new("is_active", (x, y) => x.IsActive.CompareTo(y.IsActive)),
                new("registration_method", (x, y) => Ordinal(x.RegistrationMethod, y.RegistrationMethod)),
                new("is_staff", (x, y) => x.IsStaff.CompareTo(y.IsStaff)),
                new("is_support", (x, y) => x.IsSupport.CompareTo(y.IsSupport)),
            ],
            // UserFilterBackend forces order_by("username"); unique, so deterministic.
            DefaultOrder = (x, y) => Ordinal(x.Username, y.Username),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static bool Has(string? text, string part) => text is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>A single <c>UUIDFilter</c>-style parameter read inside a method filter: null when absent, a 400 when invalid.</summary>
    public static string? UuidParam(QueryString query, string name, List<KeyValuePair<string, string>> errors) =>
        UuidParameter.Read(query, name, errors);

    // GenericUserFilter(user_uuid): not a uuid or unknown user → empty; else what that user would see.
    private static Func<T, bool>? UserScope<T>(CoreData core, string? value, Func<CoreCaller, T, bool> sees)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var user = UuidLookup.Normalize(value) is { } u ? core.Users.FirstOrDefault(x => x.Uuid == u) : null;
        if (user is null)
        {
            return _ => false;
        }

        if (user.IsStaff || user.IsSupport)
        {
            return null;
        }

        var caller = new CoreCaller(CoreRoleKind.None, null, null, user);
        var customers = user.Roles.Where(r => r.Customer is not null).Select(r => r.Customer!).ToHashSet();
        var projects = user.Roles.Where(r => r.Project is not null).Select(r => r.Project!).ToHashSet();
        return row => row switch
        {
            CoreCustomer c => customers.Contains(c) || projects.Any(p => p.Customer == c),
            CoreProject p => customers.Contains(p.Customer) || projects.Contains(p),
            _ => sees(caller, row),
        };
    }

    private static Func<CoreCustomer, bool>? NoGroups(QueryString query, string name, List<KeyValuePair<string, string>> errors)
    {
        var values = query.All(name).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        errors.Add(new(name, UuidLookup.Normalize(values[0]) is null
            ? $"“{values[0]}” is not a valid UUID."
            : $"Select a valid choice. {values[0]} is not one of the available choices."));
        return null;
    }
}
