using GraphQL.Types;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatCitationType : ObjectGraphType<ChatCitation>
{
    public ChatCitationType()
    {
        Name = "ChatCitation";
        Description = "A catalog read the answer rests on.";
        Field<NonNullGraphType<StringGraphType>>("tool")
            .Description("genre_trends, popularity or catalog.")
            .Resolve(context => context.Source.Tool);
        Field<NonNullGraphType<StringGraphType>>("arguments")
            .Description("The tool's arguments as JSON.")
            .Resolve(context => context.Source.Arguments);
        Field<NonNullGraphType<StringGraphType>>("summary")
            .Description("What the read returned, in short.")
            .Resolve(context => context.Source.Summary);
    }
}
