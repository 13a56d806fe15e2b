using GraphQL.Types;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatCitationType : ObjectGraphType<ChatCitation>
{
    public ChatCitationType()
    {
        Name = "ChatCitation";
        Description = "A catalog read the answer rests on.";
        Field(citation => citation.Tool).Description("genre_trends, popularity or catalog.");
        Field(citation => citation.Arguments).Description("The tool's arguments as JSON.");
        Field(citation => citation.Summary).Description("What the read returned, in short.");
    }
}
