using System.Globalization;

namespace Waldur.Emulator.Data.Core;

/// <summary>
/// Generates the core data set from the seed on its own random stream (images, regions, sizes and droplets are untouched).
/// Parents come before children; a row references only rows already made, so references always resolve.
/// </summary>
internal static class CoreGenerator
{
    private static readonly DateTimeOffset Epoch = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string Native, string Abbreviation, string Domain, string Country)[] Customers =
    [
        ("University of Tartu", "Tartu Ülikool", "UT", "ut.ee", "EE"),
        ("Acme Corporation", "Acme Corporation OÜ", "ACME", "acme.example", "EE"),
        ("Northwind Analytics", "Northwind Analytics AS", "NWA", "northwind.example", "NO"),
        ("Tallinn University of Technology", "Tallinna Tehnikaülikool", "TalTech", "taltech.ee", "EE"),
        ("Blue Harbor Labs", "", "BHL", "blueharbor.example", "FI"),
        ("Estonian Research Council", "Eesti Teadusagentuur", "ETAg", "etag.ee", "EE"),
        ("Nordic Genomics", "Nordic Genomics AB", "NG", "nordicgenomics.example", "SE"),
        ("Riga Data Works", "Rīgas Datu Darbnīca SIA", "RDW", "rdw.example", "LV"),
    ];

    private static readonly string[] ProjectNames =
    [
        "Web platform", "Research cluster", "Data pipeline", "Student labs", "Genome assembly", "Climate modelling", "CI runners",
        "Staging", "Dashboards", "Machine learning", "Prototype", "Bioinformatics", "Archive", "Teaching", "Analytics",
        "Internal tools", "HPC allocation", "Digital humanities",
    ];

    private static readonly string[] FirstNames =
        ["Mari", "Jaan", "Liis", "Andres", "Kati", "Peeter", "Anna", "Mikk", "Laura", "Tõnu", "Eva", "Martin", "Sofia", "Oliver", "Helen", "Karl"];

    private static readonly string[] LastNames =
        ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Nielsen", "Berg", "Virtanen", "Ozols"];

    private static readonly string[] JobTitles = ["Researcher", "System administrator", "Project manager", "PhD student", "DevOps engineer", "CTO", ""];

    private static readonly (string Title, string Description)[] Categories =
    [
        ("Virtual machines", "Compute instances in a private cloud"),
        ("Private clouds", "OpenStack tenants with their own networks and quotas"),
        ("Storage", "Block, object and archive storage"),
        ("HPC", "Batch computing on shared clusters"),
        ("Kubernetes", "Managed container platforms"),
        ("Databases", "Managed PostgreSQL, MySQL and MongoDB"),
        ("Applications", "Hosted software and portals"),
        ("Consultancy", "Support hours and training"),
    ];

    // (category index, name, type)
    private static readonly (int Category, string Name, string Type)[] OfferingCatalog =
    [
        (1, "OpenStack tenant", "OpenStack.Tenant"),
        (0, "Virtual machine", "OpenStack.Instance"),
        (2, "Block storage volume", "OpenStack.Volume"),
        (3, "Slurm allocation", "Marketplace.Slurm"),
        (4, "Rancher Kubernetes cluster", "Marketplace.Rancher"),
        (5, "Managed PostgreSQL", "Marketplace.Basic"),
        (2, "Object storage", "Marketplace.Basic"),
        (6, "JupyterHub", "Marketplace.Basic"),
        (7, "Expert consultancy", "Marketplace.Basic"),
        (3, "GPU partition", "Marketplace.Slurm"),
        (6, "GitLab", "Marketplace.Remote"),
        (5, "Managed MySQL", "Marketplace.Basic"),
    ];

    private static readonly (string Name, string Unit, decimal Price)[] PlanCatalog =
    [
        ("Small", "month", 9.90m), ("Medium", "month", 29.00m), ("Large", "month", 79.00m), ("Academic", "month", 4.50m),
        ("Pay as you go", "hour", 0.05m), ("Default", "month", 0m), ("Enterprise", "month", 249.00m), ("Daily", "day", 1.20m),
    ];

    private static readonly string[] Hosts = ["web", "db", "api", "cache", "worker", "ci", "vpn", "k8s-node", "gitlab", "proxy", "monitor", "etl", "jupyter"];

    private static readonly (string Name, int Cores, int Ram, int Disk)[] Flavors =
        [("m1.small", 1, 2048, 20480), ("m1.medium", 2, 4096, 40960), ("m1.large", 4, 8192, 81920), ("m1.xlarge", 8, 16384, 163840), ("g1.gpu", 8, 65536, 204800)];

    private static readonly string[] Images = ["Ubuntu 22.04", "Ubuntu 24.04", "Debian 12", "Rocky Linux 9", "AlmaLinux 9", "CentOS Stream 9"];

    public static CoreData Generate(int seed, CoreCounts counts)
    {
        var r = new Random(unchecked((seed * 31) + 17));
        var customers = Make(counts.Customers, i => Customer(r, i));
        var projects = customers.Length == 0 ? [] : Make(counts.Projects, i => Project(r, i, customers[i % customers.Length]));
        var users = Users(r, counts.Users, customers, projects);
        var categories = Make(counts.Categories, i =>
        {
            var (title, description) = Categories[i % Categories.Length];
            return new CoreCategory(i + 1, r.NewUuid(), Suffix(title, i, Categories.Length), description);
        });
        var providers = customers.Length == 0 ? [] : Make(Math.Min(counts.ServiceProviders, customers.Length), i =>
            new CoreServiceProvider(i + 1, r.NewUuid(), customers[i], $"Cloud and HPC services of {customers[i].Name}", Time(r)));
        var offerings = providers.Length == 0 || categories.Length == 0 ? [] : Make(counts.Offerings, i => Offering(r, i, providers, categories));
        var plans = offerings.Length == 0 ? [] : Make(counts.Plans, i =>
        {
            var (name, unit, price) = PlanCatalog[(i / Math.Max(1, offerings.Length)) % PlanCatalog.Length];
            return new CorePlan(i + 1, r.NewUuid(), name, $"{name} plan", $"ART-{1000 + i}", offerings[i % offerings.Length],
                i >= offerings.Length && r.NextDouble() < 0.15, price, unit, r.NextDouble() < 0.3 ? r.Next(1, 50) : null);
        });
        foreach (var plan in plans.Where(p => !p.Archived))
        {
            plan.Offering.HasActivePlan = true;
        }

        var resources = projects.Length == 0 || offerings.Length == 0 ? [] : Make(counts.Resources, i => Resource(r, i, projects, offerings, plans));
        var creators = users.Where(u => !u.IsStaff && u.Roles.Count > 0).ToArray();
        var orders = resources.Length == 0 || users.Length == 0 ? [] : Make(counts.Orders, i => Order(r, i, resources, creators.Length > 0 ? creators : users));
        var invoices = customers.Length == 0 ? [] : Make(counts.Invoices, i => Invoice(r, i, customers));
        var events = Make(counts.Events, i => Event(r, i, customers, projects, users, resources));
        var providerSettings = new[] { new CoreServiceSettings(r.NewUuid(), "OpenStack ETAIS"), new CoreServiceSettings(r.NewUuid(), "OpenStack HPC cloud") };
        var tenants = projects.Length == 0 ? [] : Make(counts.Tenants, i => Tenant(r, i, projects, providerSettings));
        var instances = tenants.Length == 0 ? [] : Make(counts.Instances, i => Instance(r, i, tenants));
        var volumes = tenants.Length == 0 ? [] : Make(counts.Volumes, i => Volume(r, i, tenants, instances));
        return new CoreData(customers, projects, users, categories, providers, offerings, plans, resources, orders, invoices, events, tenants, instances, volumes);
    }

    private static T[] Make<T>(int count, Func<int, T> make)
    {
        var rows = new T[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = make(i);
        }

        return rows;
    }

    private static string Suffix(string name, int i, int catalog) => i < catalog ? name : $"{name} {(i / catalog) + 1}";

    private static DateTimeOffset Time(Random r) => Epoch.AddSeconds(r.Next(0, 3 * 365 * 24 * 3600)).AddTicks(r.Next(0, 1_000_000) * 10L);

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');

    private static CoreCustomer Customer(Random r, int i)
    {
        var (name, native, abbreviation, domain, country) = Customers[i % Customers.Length];
        name = Suffix(name, i, Customers.Length);
        var created = Time(r);
        return new CoreCustomer(i + 1, r.NewUuid(), name, native, abbreviation, Slug(name), $"billing@{domain}", country,
            r.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), $"AGR-{2020 + r.Next(0, 5)}-{r.Next(100, 999)}",
            r.NextDouble() < 0.5 ? $"crm-{r.Next(1000, 9999)}" : "", $"{name}, {country}", domain, i > 0 && r.NextDouble() < 0.1, created);
    }

    private static CoreProject Project(Random r, int i, CoreCustomer customer)
    {
        var name = Suffix(ProjectNames[i % ProjectNames.Length], i, ProjectNames.Length);
        var created = Time(r);
        var start = r.NextDouble() < 0.6 ? DateOnly.FromDateTime(created.UtcDateTime) : (DateOnly?)null;
        var end = r.NextDouble() < 0.25 ? DateOnly.FromDateTime(created.UtcDateTime).AddDays(r.Next(90, 1500)) : (DateOnly?)null;
        return new CoreProject(i + 1, r.NewUuid(), name, $"{Slug(customer.Abbreviation)}-{Slug(name)}", customer,
            r.NextDouble() < 0.5 ? $"{name} of {customer.Name}" : "", r.NextDouble() < 0.3 ? $"P{r.Next(1000, 9999)}" : "",
            created, created.AddDays(r.Next(0, 300)), start, end);
    }

    // User 1 is staff, user 2 support; then every customer gets an owner and every project a member (round robin over the
    // other users); the remaining users hold no role, and the last of those is inactive.
    private static CoreUser[] Users(Random r, int count, CoreCustomer[] customers, CoreProject[] projects)
    {
        var roles = Enumerable.Range(0, count).Select(_ => new List<CoreRole>()).ToArray();
        var others = count - 2;
        if (others > 0)
        {
            for (var c = 0; c < customers.Length; c++)
            {
                roles[2 + (c % others)].Add(new CoreRole("CUSTOMER.OWNER", customers[c], null));
            }

            for (var p = 0; p < projects.Length; p++)
            {
                var role = (p % 3) switch { 0 => "PROJECT.ADMIN", 1 => "PROJECT.MANAGER", _ => "PROJECT.MEMBER" };
                roles[2 + ((customers.Length + p) % others)].Add(new CoreRole(role, null, projects[p]));
            }
        }

        var lastWithoutRole = Array.FindLastIndex(roles, l => l.Count == 0);
        return Make(count, i =>
        {
            var first = FirstNames[r.Next(FirstNames.Length)];
            var last = LastNames[r.Next(LastNames.Length)];
            var username = i switch { 0 => "admin", 1 => "support", _ => $"{first.ToLowerInvariant().Replace('õ', 'o')}.{last.ToLowerInvariant().Replace('ä', 'a').Replace('ä', 'a')}{i}" };
            var organization = roles[i].Select(x => x.Customer ?? x.Project!.Customer).FirstOrDefault()?.Name ?? "";
            var joined = Time(r);
            return new CoreUser(i + 1, r.NewUuid(), username, first, last, $"{username}@example.org", r.NextDouble() < 0.3 ? $"{first} {last}" : "",
                organization, r.Pick(JobTitles), r.NextDouble() < 0.4 ? $"+372 5{r.Next(100_0000, 999_9999)}" : "", "",
                r.NextDouble() < 0.3 ? $"3{r.Next(80, 99)}0{r.Next(1000000, 9999999)}" : "",
                r.NextDouble() < 0.6 ? "eduteams" : "default", i == 0, i == 1, i < 2 || i != lastWithoutRole,
                joined, r.NextDouble() < 0.8 ? joined.AddMinutes(r.Next(1, 600)) : null, joined.AddDays(r.Next(0, 400)), roles[i]);
        });
    }

    private static CoreOffering Offering(Random r, int i, CoreServiceProvider[] providers, CoreCategory[] categories)
    {
        var (category, name, type) = OfferingCatalog[i % OfferingCatalog.Length];
        var provider = providers[i % providers.Length];
        var full = $"{name} ({provider.Customer.Abbreviation})";
        var state = i < 3 ? "Active" : r.NextDouble() switch { < 0.72 => "Active", < 0.82 => "Paused", < 0.9 => "Draft", < 0.96 => "Archived", _ => "Unavailable" };
        var created = Time(r);
        return new CoreOffering(i + 1, r.NewUuid(), full, Slug(full), $"{name} provided by {provider.Customer.Name}", provider,
            categories[category % categories.Length], type, state, r.NextDouble() < 0.85, r.NextDouble() < 0.8,
            r.NextDouble() < 0.3 ? $"offering-{r.Next(100, 999)}" : "", created, created.AddDays(r.Next(0, 200)));
    }

    private static CoreResource Resource(Random r, int i, CoreProject[] projects, CoreOffering[] offerings, CorePlan[] plans)
    {
        var project = projects[r.Next(projects.Length)];
        var usable = offerings.Where(o => o.State is "Active" or "Paused").ToArray();
        var offering = usable.Length > 0 ? r.Pick(usable) : r.Pick(offerings);
        var own = plans.Where(p => p.Offering == offering).ToArray();
        var plan = own.Length > 0 ? r.Pick(own) : null;
        var name = $"{r.Pick(Hosts)}-{r.Next(1, 30):00}";
        var state = r.NextDouble() switch { < 0.7 => "OK", < 0.78 => "Creating", < 0.84 => "Erred", < 0.88 => "Updating", < 0.92 => "Terminating", _ => "Terminated" };
        var created = Time(r);
        return new CoreResource(i + 1, r.NewUuid(), name, $"{name}-{i + 1}", r.NextDouble() < 0.3 ? $"{offering.Category.Title} for {project.Name}" : "",
            project, offering, plan, state, state == "Creating" ? "" : r.NewUuid()[..12],
            state switch { "OK" => "ACTIVE", "Erred" => "ERROR", "Terminated" => "DELETED", _ => "" },
            r.NextDouble() < 0.15 ? DateOnly.FromDateTime(created.UtcDateTime).AddDays(r.Next(30, 900)) : null,
            r.NextDouble() < 0.05, r.NextDouble() < 0.05, r.NextDouble() < 0.1, created, created.AddDays(r.Next(0, 200)));
    }

    private static CoreOrder Order(Random r, int i, CoreResource[] resources, CoreUser[] creators)
    {
        // The first order of each resource creates it; later ones update, terminate or restore it.
        var resource = i < resources.Length ? resources[i] : r.Pick(resources);
        var type = i < resources.Length ? "Create" : r.NextDouble() switch { < 0.6 => "Update", < 0.93 => "Terminate", _ => "Restore" };
        var state = type == "Create"
            ? resource.State switch
            {
                "Creating" => r.NextDouble() switch { < 0.3 => "pending-consumer", < 0.6 => "pending-provider", < 0.7 => "pending-project", _ => "executing" },
                "Erred" => "erred",
                _ => "done",
            }
            : r.NextDouble() switch { < 0.6 => "done", < 0.7 => "executing", < 0.8 => "canceled", < 0.87 => "rejected", < 0.94 => "erred", _ => "pending-consumer" };
        var created = type == "Create" ? resource.Created : resource.Created.AddDays(r.Next(1, 300)).AddTicks(r.Next(0, 1_000_000) * 10L);
        DateTimeOffset? reviewed = state.StartsWith("pending-consumer", StringComparison.Ordinal) ? null : created.AddMinutes(r.Next(1, 3000));
        decimal? cost = resource.Plan is { } plan ? plan.UnitPrice * r.Next(1, 4) : null;
        var done = state is "done" or "erred" or "canceled" or "rejected";
        return new CoreOrder(i + 1, r.NewUuid(), resource, resource.Plan, type, state, cost, r.Pick(creators), created,
            created.AddMinutes(r.Next(1, 5000)), reviewed, done ? created.AddMinutes(r.Next(5000, 9000)) : null);
    }

    // Invoice i belongs to customer i mod n and to the month (i div n) months before June 2025.
    private static CoreInvoice Invoice(Random r, int i, CoreCustomer[] customers)
    {
        var month = new DateOnly(2025, 6, 1).AddMonths(-(i / customers.Length));
        var state = i < customers.Length ? "pending" : r.NextDouble() switch { < 0.75 => "paid", < 0.9 => "created", < 0.95 => "pending_finalization", _ => "canceled" };
        var price = Math.Round((decimal)(r.NextDouble() * 4000), 2);
        return new CoreInvoice(i + 1, r.NewUuid(), 100_000 + i, customers[i % customers.Length], month.Year, month.Month, state, month,
            price, Math.Round(price * 0.22m, 2));
    }

    private static CoreEvent Event(Random r, int i, CoreCustomer[] customers, CoreProject[] projects, CoreUser[] users, CoreResource[] resources)
    {
        var created = Epoch.AddSeconds(r.Next(0, 3 * 365 * 24 * 3600)).AddTicks(r.Next(0, 1_000_000) * 10L);
        var user = users.Length > 0 ? r.Pick(users) : null;
        var roll = r.NextDouble();
        if (roll < 0.6 && resources.Length > 0)
        {
            var resource = r.Pick(resources);
            var (type, verb) = r.NextDouble() switch
            {
                < 0.4 => ("marketplace_resource_create_succeeded", "has been created"),
                < 0.7 => ("marketplace_resource_update_succeeded", "has been updated"),
                < 0.85 => ("marketplace_resource_terminate_succeeded", "has been terminated"),
                _ => ("marketplace_resource_create_failed", "creation has failed"),
            };
            return new CoreEvent(i + 1, r.NewUuid(), created, type, $"Resource {resource.Name} {verb}.", resource.Project.Customer, resource.Project, user, resource);
        }

        if (roll < 0.8 && projects.Length > 0)
        {
            var project = r.Pick(projects);
            return r.NextDouble() < 0.5
                ? new CoreEvent(i + 1, r.NewUuid(), created, "project_creation_succeeded", $"Project {project.Name} has been created.", project.Customer, project, user, null)
                : new CoreEvent(i + 1, r.NewUuid(), created, "role_granted", $"User {user?.Username} has gained role of member in project {project.Name}.", project.Customer, project, user, null);
        }

        if (roll < 0.9 && customers.Length > 0)
        {
            var customer = r.Pick(customers);
            return new CoreEvent(i + 1, r.NewUuid(), created, "customer_update_succeeded", $"Customer {customer.Name} has been updated.", customer, null, user, null);
        }

        return new CoreEvent(i + 1, r.NewUuid(), created, "auth_logged_in_with_username", $"User {user?.Username} authenticated successfully with username and password.", null, null, user, null);
    }

    private static CoreTenant Tenant(Random r, int i, CoreProject[] projects, CoreServiceSettings[] providers)
    {
        var project = projects[(i * 7) % projects.Length];
        var name = $"{project.Slug}-tenant{(i >= projects.Length ? "-" + (i / projects.Length + 1).ToString(CultureInfo.InvariantCulture) : "")}";
        var state = r.NextDouble() switch { < 0.85 => "OK", < 0.93 => "ERRED", _ => "CREATING" };
        var created = Time(r);
        return new CoreTenant(i + 1, r.NewUuid(), name, r.NextDouble() < 0.5 ? $"Private cloud of {project.Name}" : "", project,
            providers[i % providers.Length], new CoreServiceSettings(r.NewUuid(), name), state, state == "CREATING" ? "" : r.NewUuid(),
            r.NextDouble() < 0.5 ? "nova" : "", created, created.AddDays(r.Next(0, 100)));
    }

    private static CoreInstance Instance(Random r, int i, CoreTenant[] tenants)
    {
        var tenant = r.Pick(tenants);
        var flavor = r.Pick(Flavors);
        var state = r.NextDouble() switch { < 0.8 => "OK", < 0.87 => "ERRED", < 0.92 => "CREATING", < 0.96 => "UPDATING", _ => "DELETING" };
        var runtime = state == "OK" ? (r.NextDouble() < 0.8 ? "ACTIVE" : "SHUTOFF") : state == "ERRED" ? "ERROR" : "";
        var created = Time(r);
        return new CoreInstance(i + 1, r.NewUuid(), $"{r.Pick(Hosts)}-{r.Next(1, 30):00}", r.NextDouble() < 0.3 ? "Managed by Ansible" : "", tenant,
            state, runtime, state == "CREATING" ? "" : r.NewUuid(), flavor.Cores, flavor.Ram, flavor.Disk, flavor.Name, r.Pick(Images),
            $"192.168.{r.Next(0, 4)}.{r.Next(2, 254)}", r.NextDouble() < 0.5 ? $"193.40.{r.Next(0, 256)}.{r.Next(1, 255)}" : null,
            tenant.AvailabilityZone, r.NextDouble() < 0.7 ? "ops-team" : "", created, created.AddDays(r.Next(0, 60)),
            runtime == "ACTIVE" ? created.AddSeconds(r.Next(30, 900)) : null);
    }

    private static CoreVolume Volume(Random r, int i, CoreTenant[] tenants, CoreInstance[] instances)
    {
        // Volume i < instances is instance i's boot volume; the rest are data volumes, attached to an instance of the tenant half the time.
        var boot = i < instances.Length;
        var instance = boot ? instances[i] : null;
        var tenant = instance?.Tenant ?? r.Pick(tenants);
        if (!boot && r.NextDouble() < 0.5 && instances.Where(x => x.Tenant == tenant).ToArray() is { Length: > 0 } same)
        {
            instance = r.Pick(same);
        }

        var state = instance?.State is "CREATING" ? "CREATING" : r.NextDouble() < 0.93 ? "OK" : "ERRED";
        var created = instance?.Created ?? Time(r);
        var name = boot ? $"{instance!.Name}-system" : instance is null ? $"data-{r.Next(1, 99):00}" : $"{instance.Name}-data";
        return new CoreVolume(i + 1, r.NewUuid(), name, "", tenant, instance, boot ? instance!.Disk : r.Next(1, 50) * 10240, boot,
            instance is null ? "" : boot ? "/dev/vda" : "/dev/vdb", state, instance is null ? "available" : "in-use",
            state == "CREATING" ? "" : r.NewUuid(), r.NextDouble() < 0.7 ? "ssd" : "hdd", tenant.AvailabilityZone, created, created.AddDays(r.Next(0, 60)));
    }
}
