using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Waldur.Emulator.Data.Core;

/// <summary>A row the emulator's writes can change: serializer keys the emulator does not model are kept here as JSON
/// text (key → value) and written instead of the schema default. Writable rows compare by reference (one row is one
/// database row), so a renamed project stays the same key in every set that holds it.</summary>
public interface IRowOverrides
{
    ConcurrentDictionary<string, string> Written { get; }
}

// The rows behind Waldur's 15 core lists. Every record has an Id (insertion order, the emulator's tie-breaker) and a
// 32-hex uuid; references are object references, so customer/project/offering names always agree (C-rules, task 2).

public sealed record CoreCustomer(
    int Id, string Uuid, string Name, string NativeName, string Abbreviation, string Slug, string Email, string Country,
    string RegistrationCode, string AgreementNumber, string BackendId, string ContactDetails, string Domain, bool Archived,
    DateTimeOffset Created) : IRowOverrides
{
    public string Name { get; set; } = Name;

    public string NativeName { get; set; } = NativeName;

    public string Abbreviation { get; set; } = Abbreviation;

    public string Slug { get; set; } = Slug;

    public string Email { get; set; } = Email;

    public string RegistrationCode { get; set; } = RegistrationCode;

    public string AgreementNumber { get; set; } = AgreementNumber;

    public string BackendId { get; set; } = BackendId;

    public string ContactDetails { get; set; } = ContactDetails;

    public string Domain { get; set; } = Domain;

    public bool Archived { get; set; } = Archived;

    public ConcurrentDictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public bool Equals(CoreCustomer? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record CoreProject(
    int Id, string Uuid, string Name, string Slug, CoreCustomer Customer, string Description, string BackendId,
    DateTimeOffset Created, DateTimeOffset Modified, DateOnly? StartDate, DateOnly? EndDate) : IRowOverrides
{
    public string Name { get; set; } = Name;

    public string Slug { get; set; } = Slug;

    public string Description { get; set; } = Description;

    public string BackendId { get; set; } = BackendId;

    public DateTimeOffset Modified { get; set; } = Modified;

    public DateOnly? StartDate { get; set; } = StartDate;

    public DateOnly? EndDate { get; set; } = EndDate;

    public ConcurrentDictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public bool Equals(CoreProject? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

/// <summary>An active <c>UserRole</c>: <c>CUSTOMER.OWNER</c> on a customer, or <c>PROJECT.ADMIN</c>/<c>PROJECT.MANAGER</c>/<c>PROJECT.MEMBER</c> on a project.</summary>
public sealed record CoreRole(string Name, CoreCustomer? Customer, CoreProject? Project);

public sealed record CoreUser(
    int Id, string Uuid, string Username, string FirstName, string LastName, string Email, string NativeName, string Organization,
    string JobTitle, string PhoneNumber, string Description, string CivilNumber, string RegistrationMethod, bool IsStaff, bool IsSupport,
    bool IsActive, DateTimeOffset DateJoined, DateTimeOffset? AgreementDate, DateTimeOffset Modified, IReadOnlyList<CoreRole> Roles)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}

public sealed record CoreCategory(int Id, string Uuid, string Title, string Description);

public sealed record CoreServiceProvider(int Id, string Uuid, CoreCustomer Customer, string Description, DateTimeOffset Created);

/// <summary>A marketplace offering; its provider customer is <see cref="Provider"/>'s customer. <see cref="State"/> is an
/// <c>Offering.States</c> label (Draft, Active, Paused, Archived, Unavailable).</summary>
public sealed record CoreOffering(
    int Id, string Uuid, string Name, string Slug, string Description, CoreServiceProvider Provider, CoreCategory Category,
    string Type, string State, bool Shared, bool Billable, string BackendId, DateTimeOffset Created, DateTimeOffset Modified)
{
    public static readonly IReadOnlyList<string> States = ["Draft", "Active", "Paused", "Archived", "Unavailable"];

    public CoreCustomer Customer => Provider.Customer;

    /// <summary>Whether a non-archived plan exists (set by the generator once plans exist).</summary>
    public bool HasActivePlan { get; internal set; }

    /// <summary>The integer Waldur stores (1 Draft … 5 Unavailable) and sorts by.</summary>
    public int StateCode => States.ToList().IndexOf(State) + 1;
}

public sealed record CorePlan(
    int Id, string Uuid, string Name, string Description, string ArticleCode, CoreOffering Offering, bool Archived, decimal UnitPrice,
    string Unit, int? MaxAmount);

/// <summary>A marketplace resource. <see cref="State"/> is a <c>Resource.States</c> label.</summary>
public sealed record CoreResource(
    int Id, string Uuid, string Name, string Slug, string Description, CoreProject Project, CoreOffering Offering, CorePlan? Plan,
    string State, string BackendId, string RuntimeState, DateOnly? EndDate, bool Paused, bool Downscaled, bool RestrictMemberAccess,
    DateTimeOffset Created, DateTimeOffset Modified) : IRowOverrides
{
    public string Name { get; set; } = Name;

    public string Description { get; set; } = Description;

    public CorePlan? Plan { get; set; } = Plan;

    public string State { get; set; } = State;

    public string RuntimeState { get; set; } = RuntimeState;

    public DateOnly? EndDate { get; set; } = EndDate;

    public DateTimeOffset Modified { get; set; } = Modified;

    public ConcurrentDictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public bool Equals(CoreResource? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);


    public static readonly IReadOnlyList<string> States = ["Creating", "OK", "Erred", "Updating", "Terminating", "Terminated"];

    public int StateCode => States.ToList().IndexOf(State) + 1;
}

/// <summary>A marketplace order for <see cref="Resource"/> (so the same project, offering and plan).</summary>
public sealed record CoreOrder(
    int Id, string Uuid, CoreResource Resource, CorePlan? Plan, string Type, string State, decimal? Cost, CoreUser CreatedBy,
    DateTimeOffset Created, DateTimeOffset Modified, DateTimeOffset? ConsumerReviewedAt, DateTimeOffset? CompletedAt) : IRowOverrides
{
    public string State { get; set; } = State;

    public DateTimeOffset Modified { get; set; } = Modified;

    public DateTimeOffset? ConsumerReviewedAt { get; set; } = ConsumerReviewedAt;

    public DateTimeOffset? CompletedAt { get; set; } = CompletedAt;

    public ConcurrentDictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public bool Equals(CoreOrder? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);


    public static readonly IReadOnlyList<string> States =
        ["pending-consumer", "pending-provider", "pending-project", "pending-start-date", "executing", "done", "erred", "canceled", "rejected"];

    public static readonly IReadOnlyList<string> Types = ["Create", "Update", "Terminate", "Restore"];

    public CoreProject Project => Resource.Project;

    public CoreOffering Offering => Resource.Offering;

    public int StateCode => States.ToList().IndexOf(State) + 1;
}

public sealed record CoreInvoice(
    int Id, string Uuid, int Number, CoreCustomer Customer, int Year, int Month, string State, DateOnly Created, decimal Price, decimal Tax)
{
    public static readonly IReadOnlyList<string> States = ["pending", "pending_finalization", "created", "paid", "canceled"];

    public decimal Total => Price + Tax;
}

/// <summary>A logging event; <see cref="Customer"/>/<see cref="Project"/>/<see cref="User"/>/<see cref="Resource"/> are its
/// context (and feed) objects.</summary>
public sealed record CoreEvent(
    int Id, string Uuid, DateTimeOffset Created, string EventType, string Message, CoreCustomer? Customer, CoreProject? Project,
    CoreUser? User, CoreResource? Resource);

/// <summary>An OpenStack service settings (a provider's cloud, or a tenant's private settings).</summary>
public sealed record CoreServiceSettings(string Uuid, string Name);

/// <summary>An OpenStack tenant; <see cref="State"/> is a <c>CoreStates</c> name.</summary>
public sealed record CoreTenant(
    int Id, string Uuid, string Name, string Description, CoreProject Project, CoreServiceSettings ServiceSettings,
    CoreServiceSettings TenantSettings, string State, string BackendId, string AvailabilityZone, DateTimeOffset Created, DateTimeOffset Modified)
{
    public int StateCode => EmulatorDroplet.StateCodes[State];
}

public sealed record CoreInstance(
    int Id, string Uuid, string Name, string Description, CoreTenant Tenant, string State, string RuntimeState, string BackendId,
    int Cores, int Ram, int Disk, string FlavorName, string ImageName, string InternalIp, string? ExternalIp, string AvailabilityZone,
    string KeyName, DateTimeOffset Created, DateTimeOffset Modified, DateTimeOffset? StartTime) : IRowOverrides
{
    public string State { get; set; } = State;

    public string RuntimeState { get; set; } = RuntimeState;

    public DateTimeOffset Modified { get; set; } = Modified;

    public DateTimeOffset? StartTime { get; set; } = StartTime;

    public ConcurrentDictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public bool Equals(CoreInstance? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);


    public CoreProject Project => Tenant.Project;

    public int StateCode => EmulatorDroplet.StateCodes[State];
}

/// <summary>An OpenStack volume (size in MiB); <see cref="Instance"/> is in the same tenant.</summary>
public sealed record CoreVolume(
    int Id, string Uuid, string Name, string Description, CoreTenant Tenant, CoreInstance? Instance, int Size, bool Bootable, string Device,
    string State, string RuntimeState, string BackendId, string TypeName, string AvailabilityZone, DateTimeOffset Created, DateTimeOffset Modified)
{
    public CoreProject Project => Tenant.Project;

    public int StateCode => EmulatorDroplet.StateCodes[State];
}

