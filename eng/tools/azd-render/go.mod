module movietrends/azd-render

go 1.19
