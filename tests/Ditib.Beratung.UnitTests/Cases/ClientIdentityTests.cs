using System.Text;
using Ditib.Beratung.Application.Cases;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Cases;

/// <summary>The sealed client identity as JSON, and what it tells the scrubber. Every person here is invented.</summary>
public sealed class ClientIdentityTests
{
    [Fact]
    public void Json_RoundTrip_KeepsEveryFieldAndRelatedPerson()
    {
        var identity = new ClientIdentity("Ayşe Yılmaz", "0203 5550100", "ayse.test@example.invalid", "1985-03-12", "Weseler Straße 112, 47169 Duisburg",
            [new RelatedPerson("spouse", "Mehmet Yıldırım", null), new RelatedPerson("child", "Elif Yılmaz", "2015-02-01")]);

        var read = ClientIdentity.FromJson(identity.ToJson());

        Assert.Equal(identity with { RelatedPersons = [] }, read with { RelatedPersons = [] });
        Assert.Equal(identity.RelatedPersons, read.RelatedPersons);
    }

    [Fact]
    public void Json_SealedBeforeRelatedPersons_ReadsWithAnEmptyList()
    {
        const string old = """{"name":"Ayşe Yılmaz","phone":null,"email":null,"dateOfBirth":"1985-03-12","address":null}""";

        var read = ClientIdentity.FromJson(Encoding.UTF8.GetBytes(old));

        Assert.Equal("Ayşe Yılmaz", read.Name);
        Assert.Equal("1985-03-12", read.DateOfBirth);
        Assert.Empty(read.RelatedPersons);
    }

    [Fact]
    public void Json_WithRelatedPersonsNull_ReadsWithAnEmptyList()
    {
        var read = ClientIdentity.FromJson("""{"name":"Ayşe Yılmaz","relatedPersons":null}"""u8);

        Assert.Empty(read.RelatedPersons);
    }

    [Fact]
    public void ScrubKnowledge_HoldsEveryNameBirthDateAndTheAddress()
    {
        var identity = new ClientIdentity("Ayşe Yılmaz", null, null, "1985-03-12", "Weseler Straße 112",
            [new RelatedPerson("spouse", "Mehmet Yıldırım", null), new RelatedPerson("child", "Elif", "2015-02-01")]);

        var knowledge = identity.ScrubKnowledge();

        Assert.Equal(["Ayşe Yılmaz", "Mehmet Yıldırım", "Elif"], knowledge.Names);
        Assert.Equal([new LocalDate(1985, 3, 12), new LocalDate(2015, 2, 1)], knowledge.BirthDates);
        Assert.Equal(["Weseler Straße 112"], knowledge.Addresses);
    }

    [Fact]
    public void ScrubKnowledge_WithoutBirthDateOrAddress_IsTheNameOnly()
    {
        var knowledge = new ClientIdentity("Ayşe Yılmaz", null, null, null, null).ScrubKnowledge();

        Assert.Equal(["Ayşe Yılmaz"], knowledge.Names);
        Assert.Empty(knowledge.BirthDates);
        Assert.Empty(knowledge.Addresses);
    }
}
