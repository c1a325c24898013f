namespace Waldur.Emulator.Data.Core;

/// <summary>The rows of the 15 core lists, each in insertion order (<c>Id</c> 1..n).</summary>
public sealed class CoreData(
    IReadOnlyList<CoreCustomer> customers, IReadOnlyList<CoreProject> projects, IReadOnlyList<CoreUser> users,
    IReadOnlyList<CoreCategory> categories, IReadOnlyList<CoreServiceProvider> serviceProviders, IReadOnlyList<CoreOffering> offerings,
    IReadOnlyList<CorePlan> plans, IReadOnlyList<CoreResource> resources, IReadOnlyList<CoreOrder> orders, IReadOnlyList<CoreInvoice> invoices,
    IReadOnlyList<CoreEvent> events, IReadOnlyList<CoreTenant> tenants, IReadOnlyList<CoreInstance> instances, IReadOnlyList<CoreVolume> volumes)
{
    // Projects, resources and orders are replaced (copy on write, under EmulatorDataset.WriteLock) by the emulator's writes.
    public IReadOnlyList<CoreCustomer> Customers { get; } = customers;
    public IReadOnlyList<CoreProject> Projects { get; internal set; } = projects;
    public IReadOnlyList<CoreUser> Users { get; } = users;
    public IReadOnlyList<CoreCategory> Categories { get; } = categories;
    public IReadOnlyList<CoreServiceProvider> ServiceProviders { get; } = serviceProviders;
    public IReadOnlyList<CoreOffering> Offerings { get; } = offerings;
    public IReadOnlyList<CorePlan> Plans { get; } = plans;
    public IReadOnlyList<CoreResource> Resources { get; internal set; } = resources;
    public IReadOnlyList<CoreOrder> Orders { get; internal set; } = orders;
    public IReadOnlyList<CoreInvoice> Invoices { get; } = invoices;
    public IReadOnlyList<CoreEvent> Events { get; } = events;
    public IReadOnlyList<CoreTenant> Tenants { get; } = tenants;
    public IReadOnlyList<CoreInstance> Instances { get; } = instances;
    public IReadOnlyList<CoreVolume> Volumes { get; } = volumes;

    /// <summary>The service provider of an offering's customer (null when the customer is not a provider).</summary>
    public CoreServiceProvider? ProviderOf(CoreCustomer customer) => ServiceProviders.FirstOrDefault(p => p.Customer == customer);

    /// <summary>The first user holding <c>CUSTOMER.OWNER</c> on the customer, if any.</summary>
    public CoreUser? OwnerOf(CoreCustomer customer) =>
        Users.FirstOrDefault(u => u.Roles.Any(r => r.Customer == customer && r.Name == "CUSTOMER.OWNER"));

    /// <summary>The first user holding a role on the project, if any.</summary>
    public CoreUser? MemberOf(CoreProject project) => Users.FirstOrDefault(u => u.Roles.Any(r => r.Project == project));
}

/// <summary>The kinds of caller the emulator knows (<c>Emulator:Users:&lt;token&gt;:Role</c>).</summary>
public enum CoreRoleKind
{
    /// <summary>A Waldur staff user: sees everything (every token in <c>Emulator:Tokens</c>).</summary>
    Staff,

    /// <summary>A user with <c>CUSTOMER.OWNER</c> on one customer.</summary>
    CustomerOwner,

    /// <summary>A user with a project role (<c>PROJECT.MEMBER</c> level) on one project.</summary>
    ProjectMember,

    /// <summary>A user without any role.</summary>
    None,
}

/// <summary>
/// Who a token is: staff, or a non-staff user whose only role is <see cref="Customer"/> ownership or a role in
/// <see cref="Project"/>. <see cref="User"/> is the data set's user the token logs in as (for <c>/api/users/</c>).
/// </summary>
public sealed class CoreCaller
{
    public static readonly CoreCaller StaffCaller = new(CoreRoleKind.Staff, null, null, null);

    public CoreCaller(CoreRoleKind kind, CoreCustomer? customer, CoreProject? project, CoreUser? user)
    {
        Kind = kind;
        Customer = customer;
        Project = project;
        User = user;
        RoleCustomers = customer is null ? new HashSet<CoreCustomer>() : new HashSet<CoreCustomer> { customer };
        RoleProjects = project is null ? new HashSet<CoreProject>() : new HashSet<CoreProject> { project };
        // C7 / C1 (customers): customers with a customer role, plus customers of projects with a project role.
        VisibleCustomers = RoleCustomers.Concat(RoleProjects.Select(p => p.Customer)).ToHashSet();
    }

    public CoreRoleKind Kind { get; }

    public CoreCustomer? Customer { get; }

    public CoreProject? Project { get; }

    public CoreUser? User { get; }

    public bool IsStaff => Kind == CoreRoleKind.Staff;

    /// <summary>Customers where the caller holds a customer role.</summary>
    public IReadOnlySet<CoreCustomer> RoleCustomers { get; }

    /// <summary>Projects where the caller holds a project role.</summary>
    public IReadOnlySet<CoreProject> RoleProjects { get; }

    public IReadOnlySet<CoreCustomer> VisibleCustomers { get; }

    /// <summary>C7 <c>filter_queryset_for_user</c> over <c>project</c>/<c>project__customer</c>.</summary>
    public bool SeesProject(CoreProject project) => IsStaff || RoleCustomers.Contains(project.Customer) || RoleProjects.Contains(project);
}

/// <summary>Which rows of each core list a caller may see (docs/waldur-core-rules.md visibility sections, C7).</summary>
public static class CoreVisibility
{
    public static bool IsVisible(CoreCaller caller, string listPath, object row)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(row);
        if (caller.IsStaff)
        {
            return listPath != "/api/marketplace-public-offerings/" || PublicOffering(caller, (CoreOffering)row);
        }

        return (listPath, row) switch
        {
            ("/api/customers/", CoreCustomer c) => caller.VisibleCustomers.Contains(c),
            ("/api/projects/", CoreProject p) => caller.SeesProject(p),
            ("/api/users/", CoreUser u) => User(caller, u),
            ("/api/marketplace-resources/", CoreResource r) => caller.SeesProject(r.Project),
            ("/api/marketplace-orders/", CoreOrder o) => caller.SeesProject(o.Project) || caller.RoleCustomers.Contains(o.Offering.Customer),
            ("/api/marketplace-public-offerings/", CoreOffering o) => PublicOffering(caller, o),
            ("/api/marketplace-provider-offerings/", CoreOffering o) => caller.RoleCustomers.Contains(o.Customer),
            ("/api/marketplace-categories/", CoreCategory) => true,
            ("/api/marketplace-service-providers/", CoreServiceProvider) => true,
            ("/api/marketplace-plans/", CorePlan p) => caller.RoleCustomers.Contains(p.Offering.Customer),
            ("/api/invoices/", CoreInvoice i) => caller.RoleCustomers.Contains(i.Customer),
            ("/api/events/", CoreEvent e) => Event(caller, e),
            ("/api/openstack-tenants/", CoreTenant t) => caller.SeesProject(t.Project),
            ("/api/openstack-instances/", CoreInstance i) => caller.SeesProject(i.Project),
            ("/api/openstack-volumes/", CoreVolume v) => caller.SeesProject(v.Project),
            _ => throw new ArgumentException($"{row.GetType().Name} is not a row of {listPath}.", nameof(row)),
        };
    }

    /// <summary>The list a row type is served on (offerings: the provider list).</summary>
    public static string ListOf(object row) => row switch
    {
        CoreCustomer => "/api/customers/",
        CoreProject => "/api/projects/",
        CoreUser => "/api/users/",
        CoreResource => "/api/marketplace-resources/",
        CoreOrder => "/api/marketplace-orders/",
        CoreOffering => "/api/marketplace-provider-offerings/",
        CoreCategory => "/api/marketplace-categories/",
        CoreServiceProvider => "/api/marketplace-service-providers/",
        CorePlan => "/api/marketplace-plans/",
        CoreInvoice => "/api/invoices/",
        CoreEvent => "/api/events/",
        CoreTenant => "/api/openstack-tenants/",
        CoreInstance => "/api/openstack-instances/",
        CoreVolume => "/api/openstack-volumes/",
        _ => throw new ArgumentException($"{row?.GetType().Name} is not a core row.", nameof(row)),
    };

    // filter_visible_users: active non-staff users with a role in the caller's customers, in customers of the caller's
    // projects, or in projects of either; and the caller itself.
    private static bool User(CoreCaller caller, CoreUser user) =>
        user == caller.User
        || (user.IsActive && !user.IsStaff && user.Roles.Any(r => caller.VisibleCustomers.Contains(r.Customer ?? r.Project!.Customer)));

    // PublicOfferingViewSet.get_queryset (filter_by_ordering_availability_for_user): Active/Paused only; staff see shared
    // offerings or ones with a non-archived plan; others shared ones, or connected ones (a role in the provider customer
    // or one of its projects) with a non-archived plan. Org groups are not modelled.
    private static bool PublicOffering(CoreCaller caller, CoreOffering offering) =>
        offering.State is "Active" or "Paused"
        && (offering.Shared || ((caller.IsStaff || caller.VisibleCustomers.Contains(offering.Customer)) && offering.HasActivePlan));

    // EventFilterBackend: with a scope, events whose feed includes a visible object.
    private static bool Event(CoreCaller caller, CoreEvent e) =>
        (e.Resource is { } r && caller.SeesProject(r.Project))
        || (e.Project is { } p && caller.SeesProject(p))
        || (e.Customer is { } c && caller.VisibleCustomers.Contains(c));
}
